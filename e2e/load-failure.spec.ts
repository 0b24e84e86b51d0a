import { expect, test } from '@playwright/test';
import { widgetRoot } from './widget-helpers.js';

// When the definition cannot load, the visitor is told which kind of trouble it is and the
// developer reads, in the console, what GET {endpoint} got (README, "Troubleshooting").

const failures = [
  { name: 'a 404 (wrong endpoint)', answer: { status: 404, body: 'Not Found' }, visitor: 'The signup service could not be found. Try again later.', console: /^dotdigital-signup: GET \/api\/signup answered 404: .*\(README, 'Troubleshooting'\)$/ },
  { name: 'a 500 (the proxy failing)', answer: { status: 500, body: 'Internal Server Error' }, visitor: 'The signup form could not be loaded. Try again later.', console: /^dotdigital-signup: GET \/api\/signup answered 500: / },
  { name: 'no answer (network)', answer: 'abort' as const, visitor: 'The signup form could not be loaded. Check your connection and try again.', console: /^dotdigital-signup: GET \/api\/signup failed: Could not reach the signup service at \/api\/signup\./ },
];

for (const failure of failures) {
  test(`script tag: ${failure.name} is told apart, for the visitor and in the console, and Try again recovers`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    let failing = true;
    await page.route('**/api/signup', (route) => {
      if (!failing || route.request().method() !== 'GET') return route.continue();
      return failure.answer === 'abort' ? route.abort('connectionrefused') : route.fulfill(failure.answer);
    });
    await page.goto('/');
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'definition_failed');
    await expect(page.locator('.dd-signup__notice-text')).toHaveText(failure.visitor);
    expect(errors.filter((line) => line.startsWith('dotdigital-signup:'))).toEqual([expect.stringMatching(failure.console)]);

    failing = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
  });
}
