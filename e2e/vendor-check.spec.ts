import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../src/mock/index.js';
import { readMock, uniqueEmail } from './mock-api.js';
import { MOCK_PORT } from './playwright.config.js';
import { WIDGET_PAGES, widgetRoot } from './widget-helpers.js';

// Issue 21, item 2, in Chromium: the demo's pages (script tag and React) served by a proxy of
// their own whose `humanCheck` is Cloudflare Turnstile. Nothing goes to the internet: Chromium's
// request for Turnstile's api.js is answered with a fake that implements render/execute/reset
// and calls back with a token, and the proxy's siteverify (`verifyUrl`) is a fake on this same
// loopback server. The built proxy and demo app (dist/), the demo's mock Dotdigital.

const TURNSTILE_SRC = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';
/** Cloudflare's api.js as far as the widget uses it; the box it draws stands where an interactive challenge would. */
const FAKE_TURNSTILE = `(() => {
  let n = 0;
  const widgets = new Map();
  const calls = (window.turnstileCalls = []);
  window.turnstile = {
    render(container, options) {
      const id = 'widget-' + (widgets.size + 1);
      widgets.set(id, { container, options });
      calls.push(['render', { sitekey: options.sitekey, action: options.action, appearance: options.appearance, execution: options.execution }]);
      return id;
    },
    execute(container) {
      const [id, widget] = [...widgets].find(([, w]) => w.container === container);
      calls.push(['execute', id]);
      const box = document.createElement('div');
      box.textContent = 'Turnstile (fake): verifying…';
      Object.assign(box.style, { width: '300px', height: '65px', display: 'grid', placeItems: 'center', border: '1px solid #999', background: '#f6f6f6', font: '14px sans-serif' });
      container.replaceChildren(box);
      setTimeout(() => widget.options.callback('fake-turnstile.' + ++n + '.' + Math.random().toString(36).slice(2)), 50);
    },
    reset(id) {
      calls.push(['reset', id]);
      widgets.get(id).container.replaceChildren();
    },
  };
})();`;

type Dist = { createSignupHandler: typeof import('../src/server/index.js').createSignupHandler; createDemoApp: typeof import('../src/demo/create-demo-app.js').createDemoApp };
const fromDist = async (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href) as Promise<Partial<Dist>>;

let server: Server;
let origin = '';
/** Tokens siteverify was asked about, and whether it refuses every one (the vendor saying no). */
const siteverify = { asked: [] as string[], refuse: false };
const used = new Set<string>();

test.beforeAll(async () => {
  const { createSignupHandler } = await fromDist('server/index.js');
  const { createDemoApp } = await fromDist('demo/create-demo-app.js');
  const { getRequestListener } = await import('@hono/node-server');
  let pages: ReturnType<typeof getRequestListener> | undefined; // once the proxy knows its origin
  server = createServer((request, response) => {
    if (request.url !== '/siteverify') return void pages!(request, response);
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      const token = form.get('response') ?? '';
      siteverify.asked.push(token);
      // As Cloudflare answers: a token it issued, once; the hostname the widget ran on.
      const good = !siteverify.refuse && form.get('secret') === 'turnstile-secret' && token.startsWith('fake-turnstile.') && !used.has(token);
      used.add(token);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(good ? { success: true, hostname: '127.0.0.1', action: 'signup', challenge_ts: new Date().toISOString() } : { success: false, 'error-codes': [siteverify.refuse ? 'invalid-input-response' : 'timeout-or-duplicate'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handler = createSignupHandler!({
    apiUser: DEMO_API_USER,
    apiPassword: DEMO_API_PASSWORD,
    apiUrl: `http://127.0.0.1:${MOCK_PORT}`,
    consentText: 'Yes, send me the Northwind newsletter. I can unsubscribe at any time.',
    allowedOrigins: [origin],
    humanCheck: { kind: 'turnstile', siteKey: '1x00000000000000000000AA', secret: 'turnstile-secret', verifyUrl: `${origin}/siteverify` },
    logger: false,
  });
  pages = getRequestListener(createDemoApp!(handler).fetch);
});
test.afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

/** Opens `path` on this proxy's site and submits a fresh address: it, and how many tokens siteverify had been asked about before. */
async function subscribe(page: Page, path: string, tag: string): Promise<{ email: string; asked: number }> {
  await page.goto(`${origin}${path}`);
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
  const email = uniqueEmail(tag);
  await page.getByLabel('Email address').fill(email);
  const asked = siteverify.asked.length;
  await page.getByRole('button', { name: 'Subscribe' }).click();
  return { email, asked };
}

for (const { name, path } of WIDGET_PAGES) {
  test.describe(`${name} with Turnstile`, () => {
    test.beforeEach(async ({ page }) => {
      siteverify.refuse = false;
      await page.route('https://challenges.cloudflare.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_TURNSTILE }));
    });

    test('loads Turnstile once the form is shown, sends its token, and the signup reaches Dotdigital', async ({ page }, testInfo) => {
      const scripts: string[] = [];
      page.on('request', (request) => void (request.url().startsWith('https://challenges.cloudflare.com/') && scripts.push(request.url())));
      // No proof of work asked: its solver (a chunk, or the script tag's solver file) is never fetched.
      const solver: string[] = [];
      page.on('request', (request) => void (/solve-challenge|dotdigital-signup\.solver\.js/.test(request.url()) && solver.push(request.url())));
      await page.goto(`${origin}${path}`);
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
      await expect.poll(() => scripts).toEqual([TURNSTILE_SRC]);
      const email = uniqueEmail('turnstile');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Weekly newsletter').check();
      const asked = siteverify.asked.length;
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
      expect(siteverify.asked.slice(asked)).toEqual([expect.stringMatching(/^fake-turnstile\.1\./)]);
      expect(await page.evaluate(() => (window as unknown as { turnstileCalls: unknown[] }).turnstileCalls)).toEqual([
        ['render', { sitekey: '1x00000000000000000000AA', action: 'signup', appearance: 'interaction-only', execution: 'execute' }],
        ['execute', 'widget-1'],
      ]);
      expect((await readMock(`/v2/contacts/${encodeURIComponent(email)}/with-consent`)).status).toBe(200);
      expect(scripts).toHaveLength(1);
      expect(solver).toEqual([]);
      // The Turnstile box sits fixed in the bottom-right corner of the window.
      const box = await page.getByText('Turnstile (fake): verifying…').boundingBox();
      const viewport = page.viewportSize()!;
      expect(box!.x + box!.width).toBeCloseTo(viewport.width - 16, 0);
      expect(box!.y + box!.height).toBeCloseTo(viewport.height - 16, 0);
      await page.screenshot({ path: testInfo.outputPath('turnstile-subscribed.png') });
    });

    test('a token Cloudflare refuses: one fresh token and one retry, then the form\'s error; nothing reaches Dotdigital', async ({ page }, testInfo) => {
      siteverify.refuse = true;
      const { email, asked } = await subscribe(page, path, 'turnstile-refused');
      await expect(page.getByRole('alert')).toContainText('We could not confirm that a person sent this form. Reload the page, then subscribe again.');
      const tokens = siteverify.asked.slice(asked);
      expect(tokens).toHaveLength(2);
      expect(new Set(tokens).size).toBe(2);
      expect(await page.evaluate(() => (window as unknown as { turnstileCalls: unknown[][] }).turnstileCalls.map(([call]) => call))).toEqual(['render', 'execute', 'reset', 'execute']);
      expect((await readMock(`/v2/contacts/${encodeURIComponent(email)}/with-consent`)).status).toBe(404);
      await page.screenshot({ path: testInfo.outputPath('turnstile-refused.png') });
    });
  });
}

test('a Turnstile script the browser cannot load: the signup goes without a token, the proxy refuses it, the form says so and the console says why', async ({ page }) => {
  await page.route('https://challenges.cloudflare.com/**', (route) => route.abort('blockedbyclient')); // an ad blocker, say
  const logged: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && logged.push(message.text())));
  const { email, asked } = await subscribe(page, '/', 'turnstile-blocked');
  await expect(page.getByRole('alert')).toContainText('We could not confirm that a person sent this form.');
  expect(logged.join('\n')).toContain('dotdigital-signup: the turnstile check gave no token (https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit did not load');
  expect(siteverify.asked.length).toBe(asked); // no token: the proxy refused it without asking Cloudflare
  expect((await readMock(`/v2/contacts/${encodeURIComponent(email)}/with-consent`)).status).toBe(404);
});
