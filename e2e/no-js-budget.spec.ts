import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { readMock, uniqueEmail } from './mock-api.js';
import { widgetRoot } from './widget-helpers.js';

// The form without JavaScript (README, "Bot defense"): a browser's own post of the server-rendered
// form carries no proof of work, so it spends the site's small budget of such posts; past it the
// page it comes back to says the form needs JavaScript, and nothing is sent. A demo of its own,
// started as `npm start` runs it with a budget of one (SIGNUP_UNVERIFIED_FORM_POSTS=1/3600): the
// shared demo's budget stays for the other specs.
const repo = fileURLToPath(new URL('..', import.meta.url));
let demo: ChildProcess;
let base: string;
let mockPort: number;

const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  }).on('error', reject);
});

/** Opens the server-rendered page and submits `email` with the browser's own form post (or the script's, with JavaScript). */
async function signUpOnPage(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/ssr.html`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Subscribe' }).click();
}
const contactStatus = async (email: string) => (await readMock<{ status?: string }>(`/v2/contacts/${encodeURIComponent(email)}`, mockPort)).body.status;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const port = await freePort();
  mockPort = await freePort();
  demo = spawn(process.execPath, ['dist/demo/start-demo.js'], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), DOTDIGITAL_MOCK_PORT: String(mockPort), DOTDIGITAL_API_USER: '', DOTDIGITAL_API_PASSWORD: '', SIGNUP_UNVERIFIED_FORM_POSTS: '1/3600' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    demo.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Demo site and signup proxy') && resolve());
    demo.once('exit', (code) => reject(new Error(`the demo exited with ${code}`)));
  });
  base = `http://127.0.0.1:${port}`;
});

test.afterAll(() => {
  demo?.kill();
});

test.describe('without JavaScript, past the budget of unverified posts', () => {
  test.use({ javaScriptEnabled: false });

  test('the first post signs up; the next is answered "needs JavaScript" on the page, and reaches nobody', async ({ page }, testInfo) => {
    const first = uniqueEmail('nojs-budget');
    await signUpOnPage(page, first);
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
    expect(await contactStatus(first)).toBe('Subscribed');

    const second = uniqueEmail('nojs-budget');
    await signUpOnPage(page, second);
    await expect(page).toHaveURL(/dotdigital-signup=error&dotdigital-signup-code=javascript_required/);
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
    await expect(page.getByRole('alert')).toContainText('This form needs JavaScript right now. Turn JavaScript on, then subscribe again.');
    await page.screenshot({ path: testInfo.outputPath('no-js-budget-spent.png'), fullPage: true });
    expect(await contactStatus(second)).toBeUndefined();
  });
});

test('with JavaScript, the same page still signs up once the budget is spent: its form sends a proof of work', async ({ page }) => {
  const email = uniqueEmail('js-after-budget');
  await signUpOnPage(page, email);
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
  expect(await contactStatus(email)).toBe('Subscribed');
});
