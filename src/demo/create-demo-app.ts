import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { SignupHandler } from '../server/index.js';
import { renderBotDefensePage } from './render-bot-defense-page.js';
import { renderCspSsrPage } from './render-csp-ssr-page.js';
import type { RefusalLog } from './refusal-log.js';
import { renderSsrPage } from './render-ssr-page.js';

/** Where the demo's files are, relative to this module once built into dist/demo/. */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The exact policy of `/csp.html`: no inline script, no inline style, only same-origin files.
 * The script tag must work under it (constructable stylesheets, no `<style>` elements).
 */
const STRICT_CSP = "script-src 'self'; style-src 'self'";

/**
 * The demo site: the landing pages in `public/`, the built script tag at `/embed/`, the
 * React page's bundle at `/assets/`, the server-rendered React page at `/ssr.html`, and the signup proxy at `/api/signup`. `/csp.html` is served
 * with {@link STRICT_CSP}.
 */
export function createDemoApp(signup: SignupHandler, demo: { refusals?: RefusalLog } = {}): Hono<{ Bindings: { incoming: { socket: { remoteAddress?: string } } } }> {
  const app = new Hono<{ Bindings: { incoming: { socket: { remoteAddress?: string } } } }>();
  app.all('/api/signup', (c) => {
    const clientAddress = c.env?.incoming?.socket?.remoteAddress;
    return signup(c.req.raw, clientAddress === undefined ? {} : { clientAddress });
  });
  // Pages and bundles gzipped, as any production host or CDN serves them: the page-load bench's
  // slow-4G figures then measure the bytes DESIGN.md budgets (gzip), not the uncompressed files.
  app.use('*', compress({ encoding: 'gzip' }));
  // Bot defense's operator view: the refusal tally the proxy logged (only when the demo keeps it).
  app.get('/bot-defense.html', (c) => (c.header('cache-control', 'no-store'), c.html(renderBotDefensePage(demo.refusals?.entries() ?? []))));
  app.get('/ssr.html', async (c) => c.html(await renderSsrPage(signup, c.req.url)));
  app.get('/ssr-csp.html', async (c) => {
    const { html, policy } = await renderCspSsrPage(signup);
    c.header('content-security-policy', policy);
    return c.html(html);
  });
  app.use('/csp.html', async (c, next) => {
    await next();
    c.header('content-security-policy', STRICT_CSP);
  });
  app.use('/embed/*', serveStatic({ root: here('../'), onFound: (_path, c) => { c.header('cache-control', 'no-cache'); } }));
  app.use('/assets/*', serveStatic({ root: here('../demo-site/'), rewriteRequestPath: (path) => path.replace(/^\/assets/, '') }));
  app.use('/*', serveStatic({ root: here('../../public/') }));
  return app;
}
