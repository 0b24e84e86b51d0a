import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { percentile, type BenchSection } from './bench-section.js';
import { pageLoadProbe } from './page-load-probe.js';
import { stylesheetBench } from './stylesheet-bench.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const LOADS = Math.max(20, Number(process.env.BENCH_LOADS ?? 20));
// DESIGN.md's speed bars, as multiples of the static form's median: printed beside each figure.
const pages = [
  { name: 'static HTML form (baseline)', path: '/baseline.html' },
  { name: 'React, server-rendered with the definition', path: '/ssr.html', goal: 1.2 },
  { name: 'script tag (async)', path: '/', goal: 2 },
  { name: 'React component (Vite bundle)', path: '/react.html' },
];
// "Slow 4G" as Lighthouse's mobile profile has it: 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× slower CPU.
const profiles = [
  { name: 'localhost, no throttling', throttle: false },
  { name: 'slow 4G + 4× CPU slowdown', throttle: true },
];

interface Load { dom: number; ready: number; fcp: number | null; cls: number }

/**
 * Time from navigation start to form ready (preferences rendered, email focusable, painted) and
 * cumulative layout shift, in Chromium, over at least 20 cold loads of each page — each load
 * in a fresh browser context, pages interleaved — with the proxy's form definition warm in
 * its cache. Starts the demo exactly as `npm start` does, on PORT / DOTDIGITAL_MOCK_PORT. Then
 * counts the widget's stylesheets on the demo's pages with several forms ({@link stylesheetBench}).
 *
 * @example
 * for (const section of await pageLoadBench()) printSection(section);
 */
export async function pageLoadBench(): Promise<BenchSection[]> {
  const port = Number(process.env.PORT ?? 3290);
  const demo = spawn(process.execPath, ['dist/demo/start-demo.js'], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), DOTDIGITAL_MOCK_PORT: process.env.DOTDIGITAL_MOCK_PORT ?? '4290', DOTDIGITAL_API_USER: '', DOTDIGITAL_API_PASSWORD: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://localhost:${port}`;
  let browser: Browser | undefined;
  try {
    const definition = await waitForProxy(`${base}/api/signup`);
    // Warm the proxy's form-definition cache, so loads measure the cached path.
    for (let i = 0; i < 3; i++) await fetch(`${base}/api/signup`).then((response) => response.arrayBuffer());
    const checkboxes = definition.preferences.reduce((count, item) => count + (item.preferences?.length ?? 1), 0);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
    const rows: BenchSection['rows'] = [];
    for (const profile of profiles) {
      const loads = new Map(pages.map((page) => [page.path, [] as Load[]]));
      for (let i = 0; i < LOADS; i++) for (const page of pages) loads.get(page.path)!.push(await load(browser, base + page.path, checkboxes, profile.throttle));
      const median = (path: string) => percentile(loads.get(path)!.map((result) => result.ready).sort((a, b) => a - b), 0.5);
      const baseline = median(pages[0]!.path);
      for (const page of pages) {
        const results = loads.get(page.path)!;
        const ready = results.map((result) => result.ready).sort((a, b) => a - b);
        const cls = results.map((result) => result.cls).sort((a, b) => a - b);
        const ratio = `${(median(page.path) / baseline).toFixed(2)}× static${page.goal ? ` (goal ≤ ${page.goal}×)` : ''}`;
        const dom = results.map((result) => result.dom).sort((a, b) => a - b);
        const fcp = results.map((result) => result.fcp ?? Number.NaN).sort((a, b) => a - b);
        const notes = `in the DOM ${ms(percentile(dom, 0.5))}, first paint ${ms(percentile(fcp, 0.5))}; CLS max ${cls.at(-1)!.toFixed(3)}, median ${percentile(cls, 0.5).toFixed(3)}`;
        rows.push([`${profile.name} · ${page.name}`, `${ms(percentile(ready, 0.5))} / ${ms(percentile(ready, 0.95))}, ${ratio}`, notes]);
      }
    }
    return [{ title: `Time to form ready and on screen in Chromium, median / p95 over ${LOADS} cold loads (from navigation start)`, rows }, await stylesheetBench(base)];
  } finally {
    await browser?.close();
    demo.kill();
  }
}

async function load(browser: Browser, url: string, checkboxes: number, throttle: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    await page.addInitScript({ content: pageLoadProbe(checkboxes) });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __bench: { ready: number | null } }).__bench.ready !== null, undefined, { timeout: 30_000 });
    await page.waitForTimeout(500); // layout shifts just after the form appears still count
    return await page.evaluate(() => (window as unknown as { __bench: Load }).__bench);
  } finally {
    await context.close();
  }
}

/** Waits for the demo's proxy to answer the definition (100 tries, 100 ms apart); throws saying how to start it. */
export async function waitForProxy(url: string): Promise<{ preferences: Array<{ preferences?: unknown[] }> }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return (await response.json()) as { preferences: Array<{ preferences?: unknown[] }> };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The demo did not answer at ${url}: run \`npm run build\` first, and free the port (set PORT / DOTDIGITAL_MOCK_PORT).`);
}


const ms = (value: number) => `${value.toFixed(0)} ms`;
