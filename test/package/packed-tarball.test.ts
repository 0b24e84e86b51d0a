import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { installApp, launchChromium, packTarball, repo, run, startServer, stopServers } from './packed-app.js';

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
}, 60_000);

// The React 19 app has a second page on shadcn/ui: shadcn's generated files and README's example,
// as the demo runs them, with what they import (react-hook-form comes with the package, a peer).
const SHADCN = ['radix-ui', 'class-variance-authority', 'clsx', 'tailwind-merge', 'lucide-react', 'zod'];

async function createApp(reactMajor: 18 | 19): Promise<string> {
  const app = join(work, `react-${reactMajor}`);
  cpSync(fixture, app, { recursive: true });
  if (reactMajor === 19) {
    cpSync(join(repo, 'src/demo/components'), join(app, 'src/components'), { recursive: true });
    cpSync(join(repo, 'src/demo/lib'), join(app, 'src/lib'), { recursive: true });
    cpSync(join(repo, 'src/demo/headless/newsletter-signup.tsx'), join(app, 'shadcn/newsletter-signup.tsx'));
  } else {
    rmSync(join(app, 'shadcn'), { recursive: true });
    rmSync(join(app, 'shadcn.html'));
  }
  // React 18 is the test/react-18 workspace's (so the root's npm ci cached it too).
  await installApp(app, tarball, ['react', 'react-dom', ...(reactMajor === 19 ? SHADCN : [])], reactMajor === 18 ? 'test/react-18' : '');
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
      // One build: the React app, the script tag imported as a module (embed.html) and, on React 19, the shadcn/ui page.
      const pages = { main: join(app, 'index.html'), embed: join(app, 'embed.html'), ...(reactMajor === 19 ? { shadcn: join(app, 'shadcn.html') } : {}) };
      await build({
        root: app, configFile: false, logLevel: 'error', mode: 'production', define: { 'process.env.NODE_ENV': '"production"' }, plugins: [react()],
        resolve: { alias: [{ find: /^@\//, replacement: `${join(app, 'src')}/` }] }, // shadcn/ui's `@/` (components.json's aliases)
        build: { outDir: join(app, 'dist'), rollupOptions: { input: pages } },
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
        if (reactMajor === 19) {
          await signUpThroughBundledEmbed(page, url, expect);
          await shadcnPage(await browser.newPage(), url, expect);
        }
      } finally {
        await browser.close();
      }
    }, 150_000);
  }
});

/**
 * The shadcn/ui page (React 19): README's example on shadcn's generated files and real Radix signs
 * up, its error summary moves focus to the email input inside shadcn's <FormItem>, its own rule
 * stops a disposable address with its own words, and after a refused or failed submit
 * react-hook-form's formState says so.
 */
async function shadcnPage(page: Page, url: string, expect: ExpectStatic): Promise<void> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // The answers this test makes fail are logged by the browser as such; anything else is a problem.
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && problems.push(message.text()));
  const posts: string[] = [];
  page.on('request', (request) => request.method() === 'POST' && posts.push(request.postData() ?? ''));
  await page.goto(`${url}/shadcn.html`);
  const signup = page.locator('#signup');
  await signup.getByRole('button', { name: 'Subscribe' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('dd-signup__summary');
  await signup.getByRole('link', { name: 'Enter your email address' }).click();
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Email address');

  await signup.getByLabel('Email address').fill('temp@mailinator.com');
  await signup.getByRole('button', { name: 'Subscribe' }).click();
  const own = 'Enter an address you will keep: we do not send to disposable mailboxes';
  await expect.poll(() => signup.locator('.dd-signup__summary a').textContent()).toBe(own);
  expect(await signup.locator('[data-slot="form-message"]').textContent()).toBe(own);
  expect(posts).toEqual([]);

  await signup.getByLabel('Email address').fill('shadcn@example.com');
  await signup.getByRole('checkbox', { name: 'Weekly newsletter' }).click();
  await signup.getByRole('button', { name: 'Subscribe' }).click();
  await expect.poll(() => signup.getByRole('status').textContent(), { timeout: 10_000 }).toContain('We will send our emails to shadcn@example.com.');
  expect(posts.map((body) => JSON.parse(body) as { email: string; preferences: number[] })).toEqual([expect.objectContaining({ email: 'shadcn@example.com', preferences: [2] })]);

  // The other form, whose formState is on the page: a 503, then a refused address.
  const other = page.locator('#form-state');
  const formState = async () => JSON.parse((await other.getByRole('status', { name: 'formState' }).textContent())!) as Record<string, unknown>;
  const answers = [{ status: 503, json: { error: { code: 'upstream_unavailable', message: 'down' } } }, { status: 422, json: { error: { code: 'contact_rejected', message: 'no', field: 'email' } } }];
  await page.route('**/api/signup', (route) => (route.request().method() === 'POST' ? route.fulfill(answers.shift()!) : route.continue()));
  await other.getByLabel('Work email').fill('ann@example.com');
  await other.getByRole('button', { name: 'Sign up' }).click();
  await expect.poll(formState).toEqual({ isSubmitted: true, isSubmitSuccessful: false, email: null, server: 'upstream_unavailable' });
  expect(await other.locator('form').getAttribute('data-state')).toBe('error');
  await other.getByRole('button', { name: 'Sign up' }).click();
  await expect.poll(formState).toEqual({ isSubmitted: true, isSubmitSuccessful: false, email: 'contact_rejected', server: null });
  expect(problems).toEqual([]);
  await page.close();
}
