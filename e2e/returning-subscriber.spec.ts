import { expect, test } from '@playwright/test';
import { readMock, uniqueEmail, type ConsentReadBack, type PreferenceReadBack, optedInIds } from './mock-api.js';
import { DEMO_CONSENT_TEXTS } from '../src/demo/demo-languages.js';
import { MOCK_PORT } from './playwright.config.js';
import { openWidget, WIDGET_PAGES, widgetRoot } from './widget-helpers.js';

// Issue 12, as a person would do it: sign up, unsubscribe (the mock page's button, as a click on
// an unsubscribe link would), sign up again, confirm through the emailed link, and be back in.

interface OutboxEmail { to: string; kind?: string; link: string; returnUrl?: string }

for (const { name, path } of WIDGET_PAGES) {
  test(`${name}: a returning subscriber is asked to confirm by email and is back in with the new consent record`, async ({ page }, testInfo) => {
    const email = uniqueEmail(path === '/' ? 'back-script' : 'back-react');
    await openWidget(page, path);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Weekly newsletter').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByRole('status')).toContainText('Thank you for subscribing');

    await page.goto(`http://127.0.0.1:${MOCK_PORT}/`);
    await page.getByRole('button', { name: `Unsubscribe ${email}` }).click();
    await expect.poll(async () => (await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(email)}/with-consent`)).body.contact.status).toBe('Unsubscribed');

    await openWidget(page, path);
    const pageUrl = page.url();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Events near you').check();
    const signedUpAt = Date.now();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'pending_confirmation');
    await expect(page.getByRole('status')).toContainText('Check your inbox');
    await expect(page.getByRole('status')).toContainText(`If ${email} can receive our emails, you will find a message from us there with a link to confirm your subscription.`);
    await widgetRoot(page).screenshot({ path: testInfo.outputPath('check-your-inbox.png') });

    const outbox = (await readMock<OutboxEmail[]>('/_mock/outbox')).body.filter((sent) => sent.to === email);
    expect(outbox).toEqual([expect.objectContaining({ kind: 'resubscribe', returnUrl: pageUrl })]);
    await page.goto(outbox[0]!.link);
    await expect(page).toHaveURL(pageUrl); // the link leads back to the page they signed up on

    const after = await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(email)}/with-consent`);
    expect(after.body.contact.status).toBe('Subscribed');
    expect(after.body.consentFields).toHaveLength(2);
    const latest = Object.fromEntries(after.body.consentFields[1]!.fields.map((field) => [field.key, field.value]));
    expect(latest.URL).toBe(pageUrl);
    expect(Date.parse(latest.DATETIMECONSENTED!)).toBeGreaterThanOrEqual(signedUpAt - 1000);
    expect(latest.USERAGENT).toBe(await page.evaluate(() => navigator.userAgent));
    expect(['127.0.0.1', '::1']).toContain(latest.IPADDRESS);
    // Nothing is opted out (issue 20): the second signup adds its choice to the first's.
    expect(optedInIds((await readMock<PreferenceReadBack[]>(`/v2/contacts/${encodeURIComponent(email)}/preferences`)).body)).toEqual([2, 5]);
  });
}

test('a returning German subscriber\'s resubscribe email is asked for in German (Dotdigital\'s de-DE), the German statement recorded', async ({ page }) => {
  const email = uniqueEmail('zurueck');
  await page.goto(`http://127.0.0.1:${MOCK_PORT}/`);
  await page.getByLabel('Email', { exact: true }).fill(email); // the mock page's form that gives an address a status
  await page.getByLabel('Status').selectOption('Unsubscribed');
  await page.getByRole('button', { name: 'Set status' }).click();
  await page.goto('/embed-languages.html');
  const german = page.getByRole('region', { name: 'Deutsch' });
  await german.getByLabel('E-Mail-Adresse').fill(email);
  await german.getByRole('button', { name: 'Abonnieren' }).click();
  await expect(german.getByRole('status')).toContainText('Bitte prüfen Sie Ihr Postfach');
  const outbox = (await readMock<Array<OutboxEmail & { locale?: string }>>('/_mock/outbox')).body.filter((sent) => sent.to === email);
  expect(outbox).toEqual([expect.objectContaining({ kind: 'resubscribe', locale: 'de-DE' })]);
  const stored = await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(email)}/with-consent`);
  expect(stored.body.consentFields.map((record) => record.fields.find((field) => field.key === 'TEXT')?.value)).toEqual([DEMO_CONSENT_TEXTS.de]);
});
