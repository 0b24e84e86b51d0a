import { expect, test } from '@playwright/test';
import { uniqueEmail } from './mock-api.js';
import { axeViolations, widgetRoot } from './widget-helpers.js';

// /ssr.html: the demo server renders <SignupForm definition={await handler.formDefinition()}>
// (README's Next.js page, without Next), so the whole form is in the first HTML.

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the server-rendered page has the whole form: email, preferences, consent, button', async ({ page }) => {
    await page.goto('/ssr.html');
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
    await expect(page.getByLabel('Email address')).toBeVisible();
    await expect(page.getByRole('checkbox')).not.toHaveCount(0);
    await expect(page.getByLabel('Weekly newsletter')).not.toBeChecked();
    await expect(page.getByText('Loading the signup form')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Subscribe' })).toBeVisible();
    await expect(widgetRoot(page)).toContainText('unsubscribe');
  });
});

test('hydrates without asking for the definition, signs up, and axe finds nothing', async ({ page }) => {
  const gets: string[] = [];
  const errors: string[] = [];
  // Definition requests; the proof of work's challenge (`?challenge`) is its own, expected request.
  page.on('request', (request) => request.url().includes('/api/signup') && !request.url().includes('challenge') && request.method() === 'GET' && gets.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto('/ssr.html');
  const root = widgetRoot(page);
  await expect(root).toHaveAttribute('data-state', 'ready');
  await page.waitForLoadState('networkidle'); // the bundle has run and hydrated
  expect(await axeViolations(page), 'ready').toEqual([]);

  await page.getByLabel('Email address').fill(uniqueEmail('ssr'));
  await page.getByLabel('Weekly newsletter').check();
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(root).toHaveAttribute('data-state', 'subscribed');
  await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
  expect(await axeViolations(page), 'success').toEqual([]);
  expect(gets, 'definition requests').toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});
