import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (Playwright's own browser download cannot run
// here) against the demo started exactly as `npm start` runs it, on ports of their own.
export const DEMO_PORT = Number(process.env.E2E_PORT ?? 3210);
export const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 4210);

const OUTAGE_SPECS = /outage\.spec\.ts$/;
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  },
};

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  // One browser at a time, in CI as locally (Playwright's default here is one per two cores): every
  // form solves its proof of work when it is shown (CPU, on purpose), and two browsers on the two
  // cores of a CI machine starve each other — a page of five forms then took more than 5 s to sign up.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${DEMO_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', use: chromium, testIgnore: OUTAGE_SPECS },
    // These switch the shared mock into an outage, so they run alone, after every other spec.
    { name: 'outage', use: chromium, testMatch: OUTAGE_SPECS, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'node dist/demo/start-demo.js',
    cwd: '..',
    url: `http://localhost:${DEMO_PORT}/api/signup`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: { PORT: String(DEMO_PORT), DOTDIGITAL_MOCK_PORT: String(MOCK_PORT), DOTDIGITAL_API_USER: '', DOTDIGITAL_API_PASSWORD: '' },
  },
});
