import { expect, test, type Page } from '@playwright/test';
import { optedInIds, readMock, uniqueEmail, type ConsentReadBack, type PreferenceReadBack } from './mock-api.js';
import { widgetRoot } from './widget-helpers.js';

// /ssr.html renders <SignupForm definition outcome> (README's Next.js page, without Next): a real
// <form method="post" action="/api/signup">. Posted by the browser itself, the proxy answers
// 303 back to the page with the outcome in the URL, and the server renders that outcome.

/** The form's id, which the proxy echoes back as the URL's fragment. */
const formIdOf = (page: Page) => page.locator('input[name="formId"]').inputValue();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signs up with the browser’s own submit: 303 back to the page, which shows the success; consent and preference reach Dotdigital', async ({ page }, testInfo) => {
    const email = uniqueEmail('nojs');
    await page.goto('/ssr.html');
    const formId = await formIdOf(page);
    expect(formId).toBe('newsletter'); // the id the demo gives <SignupForm> (src/demo/ssr-page-ids.ts), not useId()'s
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Weekly newsletter').check();
    const consentText = (await page.locator('.dd-signup__consent-text').textContent())!;
    const before = Date.now();
    await page.getByRole('button', { name: 'Subscribe' }).click();

    await expect(page).toHaveURL(new RegExp(`/ssr\\.html\\?dotdigital-signup=subscribed#${formId}$`));
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
    await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
    await expect(page.getByLabel('Email address')).toHaveCount(0); // the form gave way to the panel
    await page.screenshot({ path: testInfo.outputPath('no-js-success.png'), fullPage: true });

    const withConsent = await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(email)}/with-consent`);
    expect(withConsent.status).toBe(200);
    expect(withConsent.body.contact).toMatchObject({ email, status: 'Subscribed' });
    const fields = Object.fromEntries(withConsent.body.consentFields[0]!.fields.map((f) => [f.key, f.value]));
    expect(fields.TEXT).toBe(consentText);
    expect(fields.URL).toBe(new URL('/ssr.html', page.url()).href); // the Referer: the proxy is on the page's origin
    expect(Date.parse(fields.DATETIMECONSENTED!)).toBeGreaterThanOrEqual(before - 1000); // the server's time
    const preferences = await readMock<PreferenceReadBack[]>(`/v2/contacts/${encodeURIComponent(email)}/preferences`);
    expect(optedInIds(preferences.body)).toEqual([2]);
  });

  test('an invalid address comes back as the error summary and the inline error, and nothing is sent', async ({ page }, testInfo) => {
    await page.goto('/ssr.html');
    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByLabel('Events near you').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();

    await expect(page).toHaveURL(/\?dotdigital-signup=error&dotdigital-signup-code=invalid_email&dotdigital-signup-field=email#/);
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
    const message = 'Enter an email address in the correct format, like name@example.com';
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expect(page.getByRole('link', { name: message })).toBeVisible();
    // GOV.UK's inline error, tied to the field; the address itself never goes into a URL, so the field is empty.
    const input = page.getByLabel('Email address');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(new RegExp(message));
    await expect(input).toHaveValue('');
    await page.screenshot({ path: testInfo.outputPath('no-js-error.png'), fullPage: true });
    expect((await readMock('/v2/contacts/not-an-email')).status).toBe(404);
  });
});

test('with JavaScript, a URL carrying this form’s outcome shows it, hydrates without a mismatch, and the URL is cleaned', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto('/ssr.html');
  const formId = await formIdOf(page);

  await page.goto(`/ssr.html?utm_source=mail&dotdigital-signup=subscribed#${formId}`);
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
  await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
  await expect(page).toHaveURL(new RegExp(`/ssr\\.html\\?utm_source=mail#${formId}$`)); // its own query stays
  await page.reload();
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready'); // a reload does not show it again

  await page.goto(`/ssr.html?dotdigital-signup=error&dotdigital-signup-code=invalid_email&dotdigital-signup-field=email#${formId}`);
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(new RegExp(`/ssr\\.html#${formId}$`));
  // Still a working form: signing up now goes through fetch, without leaving the page.
  await page.getByLabel('Email address').fill(uniqueEmail('after-nojs'));
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
  await expect(page).toHaveURL(new RegExp(`/ssr\\.html#${formId}$`));
  expect(errors, 'console errors (a hydration mismatch would be one)').toEqual([]);
});
