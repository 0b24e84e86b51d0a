import { expect, test } from '@playwright/test';
import { DEMO_CONSENT_TEXTS } from '../src/demo/demo-languages.js';
import { readMock, uniqueEmail, type ConsentReadBack } from './mock-api.js';
import { MOCK_PORT } from './playwright.config.js';
import { openWidget, widgetRoot } from './widget-helpers.js';

// The demo proxy runs with a queue: while the mock plays an outage (switched from its page, as
// a person would), a signup is answered "queued", and it reaches Dotdigital once the outage ends.
const mockPage = `http://127.0.0.1:${MOCK_PORT}/`;

test('a signup during a Dotdigital outage is queued, then delivered with its consent once the outage ends', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(mockPage);
  await page.getByRole('button', { name: 'Simulate an outage' }).click();
  await expect(page.getByText('API down: every call answers 503.')).toBeVisible();
  await page.screenshot({ path: 'test-results/queue-outage-mock.png', fullPage: false });
  try {
    await openWidget(page, '/'); // the proxy still serves its cached form definition
    const email = uniqueEmail('queued');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Events near you').check();
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/signup') && r.request().method() === 'POST', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Subscribe' }).click();
    expect((await answer).status()).toBe(202);
    expect(await (await answer).json()).toEqual({ status: 'queued' });
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
    await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
    await page.screenshot({ path: 'test-results/queue-outage-widget.png' });
    const signedUpAt = Date.now();
    // A German visitor queued too: the record delivered later must hold the German statement they saw.
    await page.goto('/embed-languages.html');
    const german = page.getByRole('region', { name: 'Deutsch' });
    const germanEmail = uniqueEmail('queued-de');
    await german.getByLabel('E-Mail-Adresse').fill(germanEmail);
    await german.getByRole('button', { name: 'Abonnieren' }).click();
    await expect(german.getByRole('status')).toContainText('Vielen Dank für Ihre Anmeldung');
    expect((await page.request.get(`${mockPage}v2/preferences`)).status()).toBe(503); // still down: nothing can have arrived

    await page.goto(mockPage);
    await page.getByRole('button', { name: 'End the outage' }).click();
    await expect.poll(async () => (await readMock(`/v2/contacts/${encodeURIComponent(email)}/with-consent`)).status, { timeout: 20_000 }).toBe(200);
    const { body } = await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(email)}/with-consent`);
    const consent = Object.fromEntries(body.consentFields[0]!.fields.map((f) => [f.key, f.value]));
    // The consent record is the one captured when the visitor signed up, not when it was delivered.
    expect(Date.parse(consent.DATETIMECONSENTED!)).toBeLessThanOrEqual(signedUpAt);
    expect(consent.USERAGENT).toContain('Chrome');
    expect(consent.URL).toMatch(/^http:\/\/localhost:\d+\/$/);
    await expect.poll(async () => (await readMock(`/v2/contacts/${encodeURIComponent(germanEmail)}/with-consent`)).status, { timeout: 20_000 }).toBe(200);
    const delivered = await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(germanEmail)}/with-consent`);
    expect(delivered.body.consentFields[0]!.fields.find((f) => f.key === 'TEXT')!.value).toBe(DEMO_CONSENT_TEXTS.de);
    await page.reload();
    await expect(page.getByRole('heading', { name: email })).toBeVisible();
  } finally {
    await page.request.post(`${mockPage}_mock/outage`, { form: { state: 'off' } });
  }
});
