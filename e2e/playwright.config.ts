import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (Playwright's own browser download cannot run
// here) against the demo started exactly as `npm start` runs it, on ports of their own.
export const DEMO_PORT = Number(process.env.E2E_PORT ?? 3210);
export const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 4210);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${DEMO_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        },
      },
    },
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
