import { expect, test, type Page } from '@playwright/test';
import { optedInIds, readMock, uniqueEmail, type PreferenceReadBack } from './mock-api.js';
import { axeViolations, signUpByKeyboard } from './widget-helpers.js';

// /headless.html: useSignupForm() composed with a shadcn/ui-style kit — FormProvider, FormField
// (a Controller) and checkboxes that are <button role="checkbox">, wired through Controller.
const form = (page: Page) => page.locator('form.kit-form');
const preferencesOf = async (email: string) => optedInIds((await readMock<PreferenceReadBack[]>(`/v2/contacts/${encodeURIComponent(email)}/preferences`)).body);

test.describe('headless hook with a shadcn/ui-style kit', () => {
  test('ready, error, submitting, subscribed — the button checkboxes’ ticks reach Dotdigital; axe finds nothing', async ({ page }) => {
    await page.goto('/headless.html');
    await expect(form(page)).toHaveAttribute('data-state', 'ready');
    expect(await axeViolations(page), 'ready').toEqual([]);

    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(form(page)).toHaveAttribute('data-state', 'error');
    await expect(page.getByRole('alert')).toContainText('Enter your email address');
    // The kit's <FormMessage> shows react-hook-form's error: the resolver's message.
    await expect(page.locator('.kit-message')).toHaveText('Error: Enter your email address');
    await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page), 'error').toEqual([]);

    const email = uniqueEmail('kit');
    await page.getByLabel('Email address').fill(email);
    const weekly = page.getByRole('checkbox', { name: 'Weekly newsletter' });
    const updates = page.getByRole('checkbox', { name: 'Product updates' });
    await weekly.click();
    await updates.click();
    await updates.click(); // ticked, then unticked again
    await page.getByRole('checkbox', { name: 'Events near you' }).click();
    await expect(weekly).toHaveAttribute('aria-checked', 'true');
    await expect(updates).toHaveAttribute('aria-checked', 'false');

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/signup', async (route) => ((route.request().method() === 'POST' ? await held : undefined), route.continue()));
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(form(page)).toHaveAttribute('data-state', 'submitting');
    await expect(page.getByRole('button', { name: 'Subscribing…' })).toHaveAttribute('aria-disabled', 'true');
    release();

    await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
    expect(await axeViolations(page), 'subscribed').toEqual([]);
    expect(await preferencesOf(email)).toEqual([2, 5]);
  });

  test('keyboard only: Tab to each button checkbox, Space ticks it, Enter submits', async ({ page }) => {
    await page.goto('/headless.html');
    await expect(form(page)).toHaveAttribute('data-state', 'ready');
    const email = uniqueEmail('kitkeys');
    await signUpByKeyboard(page, email); // the same keys as the widget's own keyboard test
    await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
    expect(await preferencesOf(email)).toEqual([2, 5]);
  });

  test('a definition that fails to load offers Try again, which brings the form', async ({ page }) => {
    let fail = true;
    await page.route('**/api/signup', (route) => (fail && route.request().method() === 'GET' ? route.fulfill({ status: 503, json: { error: { code: 'upstream_unavailable', message: 'down' } } }) : route.continue()));
    await page.goto('/headless.html');
    await expect(page.getByRole('status')).toContainText('The signup form could not be loaded');
    expect(await axeViolations(page), 'failed').toEqual([]);
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(form(page)).toHaveAttribute('data-state', 'ready');
  });
});
