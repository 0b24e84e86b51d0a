import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Challenge } from 'altcha-lib';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { percentile, type BenchSection } from './bench-section.js';
import { reactEntryWeight, scriptTagSizes } from '../support/measure-sizes.js';
import { waitForProxy } from './page-load-bench.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const LOADS = Math.max(5, Number(process.env.BENCH_HUMAN_LOADS ?? 12));
const SOLVES = 8;
const TYPING_MS = 3_000;

/**
 * Issue 21's figures for the proof of work, against the demo as `npm start` runs it (check on):
 * the time to fetch and solve a challenge in Chromium with and without a 4× CPU slowdown
 * (CDP `Emulation.setCPUThrottlingRate`), the delay a visitor who takes 3 s to type their address
 * waits at Subscribe (press → the signup's POST leaving the page; goal p95 ≤ 200 ms), what a
 * bot pays per signup (CPU time to solve in Node, one core), and the sizes.
 *
 * @example
 * printSection(await humanCheckBench());
 */
export async function humanCheckBench(): Promise<BenchSection> {
  const port = Number(process.env.PORT ?? 3291);
  const demo = spawn(process.execPath, ['dist/demo/start-demo.js'], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), DOTDIGITAL_MOCK_PORT: process.env.DOTDIGITAL_MOCK_PORT ?? '4291', DOTDIGITAL_API_USER: '', DOTDIGITAL_API_PASSWORD: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://localhost:${port}`;
  let browser: Browser | undefined;
  const rows: BenchSection['rows'] = [];
  try {
    await waitForProxy(`${base}/api/signup`);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
    for (const rate of [1, 4]) {
      const solves: number[] = [];
      const delays: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const measured = await visit(browser, base, rate, i < 2);
        delays.push(measured.delay);
        solves.push(...measured.solves);
      }
      const cpu = rate === 1 ? 'no CPU slowdown' : '4× CPU slowdown';
      solves.sort((a, b) => a - b);
      delays.sort((a, b) => a - b);
      rows.push([`solve in Chromium, ${cpu}`, `${ms(percentile(solves, 0.5))} / ${ms(percentile(solves, 0.95))}`, `median / p95 of ${solves.length} challenges (fetch + solve), script tag page`]);
      rows.push([`added delay at Subscribe, 3 s typing, ${cpu}`, `${ms(percentile(delays, 0.5))} / ${ms(percentile(delays, 0.95))}`, `median / p95 of ${delays.length} visits, press → POST sent${rate === 4 ? ' (goal p95 ≤ 200 ms)' : ''}`]);
    }
    const bot = await botCost(`${base}/api/signup`);
    rows.push(['a bot pays per signup (Node, one core)', `${ms(bot.mean)} CPU`, `mean of ${bot.count} solves; max ${ms(bot.max)}; the proxy's check: ${bot.verifyNote}`]);
  } finally {
    await browser?.close();
    demo.kill();
  }
  const gz = (path: string) => gzipSync(readFileSync(new URL(`../../${path}`, import.meta.url)), { level: 6 }).length;
  rows.push(['script tag', kb(scriptTagSizes().gzip), 'gzip, side files not included']);
  rows.push(['submit file (dotdigital-signup.submit.js)', kb(gz('dist/embed/dotdigital-signup.submit.js')), 'gzip, loaded when a form is shown: the POST, a vendor\'s check']);
  rows.push(['solver file (dotdigital-signup.solver.js)', kb(gz('dist/embed/dotdigital-signup.solver.js')), 'gzip, loaded when the proxy asks a proof of work']);
  const react = await reactEntryWeight().catch(() => undefined);
  if (react) rows.push(['React entry added to a Vite React app', kb(react.added.gzip), 'gzip; what a submit needs and the solver are chunks loaded when the form is shown']);
  return { title: 'Bot defense: proof of work (issue 21)', rows };
}

// One visit: the form shown, the submit and solver files loaded by it; a few extra solves timed in the page; then a visitor typing for 3 s and pressing Subscribe.
async function visit(browser: Browser, base: string, rate: number, timeSolves: boolean): Promise<{ delay: number; solves: number[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { __marks: Record<string, number> }).__marks = marks;
      const original = window.fetch.bind(window);
      window.fetch = (input, init) => {
        if (init?.method === 'POST') marks.post ??= performance.now();
        return original(input, init);
      };
      addEventListener('click', (event) => {
        // The script tag's form is in a shadow root: the button is on the event's composed path.
        if (event.composedPath().some((node) => node instanceof HTMLButtonElement)) marks.click ??= performance.now();
      }, true);
    });
    await page.goto(`${base}/`);
    const email = page.getByLabel('Email address');
    await email.waitFor();
    const solves = timeSolves ? await timeInPage(page) : [];
    await email.click();
    await email.pressSequentially('ann.example.visitor@example.com', { delay: TYPING_MS / 31 });
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.waitForFunction(() => (window as unknown as { __marks: { post?: number } }).__marks.post !== undefined, undefined, { timeout: 60_000 });
    const marks = await page.evaluate(() => (window as unknown as { __marks: { post: number; click: number } }).__marks);
    return { delay: Math.max(0, marks.post - marks.click), solves };
  } finally {
    await context.close();
  }
}

// The solver the form loaded (through the submit file), asked for fresh proofs one after another.
async function timeInPage(page: Page): Promise<number[]> {
  type Solver = (endpoint: string, get: (url: string) => Promise<{ body: unknown }>) => { take(): Promise<string> };
  await page.waitForFunction(() => typeof (window as unknown as { DotdigitalSignup?: { sender?: { loadSolver?: unknown } } }).DotdigitalSignup?.sender?.loadSolver === 'function', undefined, { timeout: 30_000 });
  return page.evaluate(async (count) => {
    const make = await (window as unknown as { DotdigitalSignup: { sender: { loadSolver: () => Promise<Solver> } } }).DotdigitalSignup.sender.loadSolver();
    const source = make('/api/signup', (url) => fetch(url, { cache: 'no-store' }).then(async (r) => ({ body: await r.json() })));
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await source.take();
      times.push(performance.now() - started);
    }
    return times;
  }, SOLVES);
}

async function botCost(endpoint: string) {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const challenge = (await (await fetch(`${endpoint}?challenge`)).json()) as Challenge;
    const before = process.cpuUsage();
    await solveChallenge({ challenge, deriveKey });
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return { mean: times.reduce((a, b) => a + b, 0) / times.length, max: Math.max(...times), count: times.length, verifyNote: 'two HMACs' };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
