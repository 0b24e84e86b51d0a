import { expect, test, type Page } from '@playwright/test';
import { optedInIds, readMock, uniqueEmail, type PreferenceReadBack } from './mock-api.js';
import { axeViolations, focused, signUpByKeyboard } from './widget-helpers.js';

// /headless.html: useSignupForm() composed with shadcn/ui's generated files on Radix — <Form>
// (FormProvider), <FormField> (a Controller), <FormItem id> (the id on a wrapper <div>) and Radix
// checkboxes that are <button role="checkbox">, wired through <FormField>; README's example.
const form = (page: Page) => page.locator('#signup form');
const preferencesOf = async (email: string) => optedInIds((await readMock<PreferenceReadBack[]>(`/v2/contacts/${encodeURIComponent(email)}/preferences`)).body);

test.describe('headless hook with shadcn/ui and Radix', () => {
  test('ready, error, submitting, subscribed — the Radix checkboxes’ ticks reach Dotdigital; axe finds nothing', async ({ page }) => {
    await page.goto('/headless.html');
    await expect(form(page)).toHaveAttribute('data-state', 'ready');
    expect(await axeViolations(page), 'ready').toEqual([]);

    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(form(page)).toHaveAttribute('data-state', 'error');
    await expect(page.getByRole('alert')).toContainText('Enter your email address');
    expect(await focused(page)).toMatch(/^div\.dd-signup__summary/); // GOV.UK: the summary takes focus
    // shadcn's <FormMessage> shows react-hook-form's error: the resolver's message.
    await expect(page.locator('[data-slot="form-message"]')).toHaveText('Enter your email address');
    await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page), 'error').toEqual([]);
    // The link names shadcn's <FormItem> wrapper: it moves focus to the input inside.
    await page.getByRole('link', { name: 'Enter your email address' }).click();
    expect(await focused(page)).toContain('input [Email address]');

    // The page's own rule on the address: its words, inline and in the summary; nothing is sent.
    const posts: string[] = [];
    page.on('request', (request) => request.method() === 'POST' && posts.push(request.url()));
    await page.getByLabel('Email address').fill('temp@mailinator.com');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const own = 'Enter an address you will keep: we do not send to disposable mailboxes';
    await expect(page.getByRole('link', { name: own })).toBeVisible();
    await expect(page.locator('[data-slot="form-message"]')).toHaveText(own);
    expect(posts).toEqual([]);

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

  test('keyboard only: Tab to each Radix checkbox, Space ticks it, Enter submits', async ({ page }) => {
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
