import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { installApp, launchChromium, packTarball, run, startServer, stopServers } from './packed-app.js';

// `npm pack`'s tarball installed into a fresh Vite + React app, once with React 18 and once
// with React 19: the app builds with Vite, server-renders with react-dom/server, serves the
// proxy from dotdigital-signup/server + /server/node against dotdigital-signup/mock, and the
// form renders and signs up in Chromium. Packages come from the npm cache the root's `npm ci`
// filled (npm ci --offline with a lockfile cut from the root's), so this runs with no network.
// (Next.js and Express apps: next-app.test.ts and express-app.test.ts.)
// Vitest sets NODE_ENV=test, which would make Vite and @vitejs/plugin-react build the app in
// development mode (jsxDEV calls that React's production build does not have). This file
// runs in its own worker process, so the change stays here.
process.env.NODE_ENV = 'production';
const fixture = fileURLToPath(new URL('./consumer-app/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dds-consumer-'));
let tarball: string;

beforeAll(async () => {
  tarball = await packTarball(work);
}, 60_000);
afterAll(async () => {
  await stopServers();
  rmSync(work, { recursive: true, force: true });
});

async function createApp(reactMajor: 18 | 19): Promise<string> {
  const app = join(work, `react-${reactMajor}`);
  cpSync(fixture, app, { recursive: true });
  // React 18 is the test/react-18 workspace's (so the root's npm ci cached it too).
  await installApp(app, tarball, ['react', 'react-dom'], reactMajor === 18 ? 'test/react-18' : '');
  return app;
}

/**
 * `import 'dotdigital-signup/embed'` bundled by Vite: a module has no document.currentScript, so
 * the German the form asks for must come as a chunk of the app's own bundle (package.json's
 * `browser` condition picks the module build), with the proxy's German statement and labels.
 */
async function signUpThroughBundledEmbed(page: Page, url: string, expect: ExpectStatic): Promise<void> {
  const problems: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  await page.goto(`${url}/embed.html`);
  const form = page.locator('dotdigital-signup');
  await expect.poll(() => form.getByLabel('E-Mail-Adresse').count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => form.getByText('Ja, senden Sie mir den Newsletter der Consumer-App.').count()).toBe(1);
  await form.getByLabel('E-Mail-Adresse').fill('bundle@example.com');
  await form.getByLabel('Wöchentlicher Newsletter').check();
  await form.getByRole('button', { name: 'Abonnieren' }).click();
  await expect.poll(() => form.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Vielen Dank');
  expect(scripts.filter((path) => path.startsWith('/assets/de'))).toHaveLength(1);
  expect(problems).toEqual([]);
}

describe.concurrent('the packed tarball in a fresh Vite React app', () => {
  for (const reactMajor of [18, 19] as const) {
    it(`React ${reactMajor}: installs, builds, server-renders, renders and signs up`, async ({ expect }) => {
      const app = await createApp(reactMajor);
      // Two pages, one build: the React app, and the script tag imported as a module (embed.html).
      await build({
        root: app, configFile: false, logLevel: 'error', mode: 'production', define: { 'process.env.NODE_ENV': '"production"' }, plugins: [react()],
        build: { outDir: join(app, 'dist'), rollupOptions: { input: { main: join(app, 'index.html'), embed: join(app, 'embed.html') } } },
      });

      const { stdout } = await run(process.execPath, ['ssr.mjs'], { cwd: app });
      const ssr = JSON.parse(stdout) as { html: string; client: string };
      expect(ssr.html).toContain('class="dd-signup"');
      expect(ssr.html).toContain('data-state="loading"');
      expect(ssr.client).toBe('function');

      const url = await startServer(process.execPath, ['serve.mjs'], { cwd: app });
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(url);
        expect(await page.locator('html').getAttribute('data-react')).toMatch(new RegExp(`^${reactMajor}\\.`));
        await expect.poll(() => page.getByRole('checkbox').count(), { timeout: 10_000 }).toBe(3);
        await page.getByLabel('Email address').fill(`tarball-${reactMajor}@example.com`);
        await page.getByLabel('Weekly newsletter').check();
        await page.getByRole('button', { name: 'Subscribe' }).click();
        await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Thank you for subscribing');
        expect(errors).toEqual([]);
        if (reactMajor === 19) await signUpThroughBundledEmbed(page, url, expect);
      } finally {
        await browser.close();
      }
    }, 150_000);
  }
});
