import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { afterAll, beforeAll, describe, it } from 'vitest';

// `npm pack`'s tarball installed into a fresh Vite + React app, once with React 18 and once
// with React 19: the app builds with Vite, server-renders with react-dom/server, serves the
// proxy from dotdigital-signup/server + /server/node against dotdigital-signup/mock, and the
// form renders and signs up in Chromium. Packages come from the npm cache when it has them
// (--prefer-offline), so after one online install this runs with no network.
const run = promisify(execFile);
// Vitest sets NODE_ENV=test, which would make Vite and @vitejs/plugin-react build the app in
// development mode (jsxDEV calls that React's production build does not have). This file
// runs in its own worker process, so the change stays here.
process.env.NODE_ENV = 'production';
const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('./consumer-app/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dds-consumer-'));
const children: ChildProcess[] = [];
let tarball: string;

beforeAll(async () => {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo });
  tarball = join(work, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
}, 60_000);
afterAll(() => {
  for (const child of children) child.kill();
  rmSync(work, { recursive: true, force: true });
});

async function createApp(reactMajor: 18 | 19): Promise<string> {
  const app = join(work, `react-${reactMajor}`);
  cpSync(fixture, app, { recursive: true });
  const range = `^${reactMajor}`;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: `consumer-react-${reactMajor}`, private: true, type: 'module', dependencies: { react: range, 'react-dom': range, 'dotdigital-signup': `file:${tarball}` } }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: app, timeout: 90_000 });
  return app;
}

function serve(app: string): Promise<string> {
  const child = spawn(process.execPath, ['serve.mjs'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const url = /http:\/\/\S+/.exec(output)?.[0];
      if (url) resolve(url);
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', () => reject(new Error(`the consumer app's server exited: ${output}`)));
  });
}

describe.concurrent('the packed tarball in a fresh Vite React app', () => {
  for (const reactMajor of [18, 19] as const) {
    it(`React ${reactMajor}: installs, builds, server-renders, renders and signs up`, async ({ expect }) => {
      const app = await createApp(reactMajor);
      await build({ root: app, configFile: false, logLevel: 'error', mode: 'production', define: { 'process.env.NODE_ENV': '"production"' }, plugins: [react()], build: { outDir: join(app, 'dist') } });

      const { stdout } = await run(process.execPath, ['ssr.mjs'], { cwd: app });
      const ssr = JSON.parse(stdout) as { html: string; client: string };
      expect(ssr.html).toContain('class="dd-signup"');
      expect(ssr.html).toContain('data-state="loading"');
      expect(ssr.client).toBe('function');

      const url = await serve(app);
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
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
      } finally {
        await browser.close();
      }
    }, 150_000);
  }
});
