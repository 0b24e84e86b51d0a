import { expect, test, type Page } from '@playwright/test';
import { optedInIds, readMock, uniqueEmail, type ConsentReadBack, type PreferenceReadBack } from './mock-api.js';
import { WIDGET_PAGES } from './widget-helpers.js';

// Both demo pages: `/` embeds the script tag as a customer pastes it, `/react.html` renders
// the React component. Each is loaded, filled in, submitted, and the contact read back.

async function consentTextOf(page: Page): Promise<string> {
  const response = await page.request.get('/api/signup');
  return ((await response.json()) as { consent: { text: string } }).consent.text;
}

for (const { name, path } of WIDGET_PAGES) {
  test.describe(name, () => {
    test('renders the email field, grouped public preferences, consent text and button', async ({ page }) => {
      await page.goto(path);
      await expect(page.getByLabel('Email address')).toBeVisible();
      const newsletters = page.getByRole('group', { name: 'Newsletters' });
      await expect(newsletters.getByRole('checkbox')).toHaveCount(2);
      await expect(newsletters.getByLabel('Weekly newsletter')).not.toBeChecked();
      await expect(page.getByLabel('Events near you')).toBeVisible();
      await expect(page.getByText('Internal: sales follow-up')).toHaveCount(0);
      await expect(page.getByText(await consentTextOf(page))).toBeVisible();
      await expect(page.getByRole('button', { name: 'Subscribe' })).toBeEnabled();
    });

    test('signs up and stores the consent record and preferences in Dotdigital', async ({ page, browserName }) => {
      const email = uniqueEmail(path === '/' ? 'script' : 'react');
      await page.goto(path);
      const before = Date.now();
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Weekly newsletter').check();
      await page.getByLabel('Events near you').check();
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
      const after = Date.now();

      const withConsent = await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(email)}/with-consent`);
      expect(withConsent.status).toBe(200);
      expect(withConsent.body.contact).toMatchObject({ email, status: 'Subscribed' });
      expect(withConsent.body.consentFields).toHaveLength(1);
      const fields = Object.fromEntries(withConsent.body.consentFields[0]!.fields.map((f) => [f.key, f.value]));
      expect(fields.TEXT).toBe(await consentTextOf(page));
      expect(fields.URL).toBe(new URL(path, page.url()).href);
      // Chromium reaches localhost over IPv6 or IPv4; either way the loopback address is recorded.
      expect(['127.0.0.1', '::1']).toContain(fields.IPADDRESS);
      expect(fields.USERAGENT).toBe(await page.evaluate(() => navigator.userAgent));
      expect(browserName).toBe('chromium');
      const consentedAt = Date.parse(fields.DATETIMECONSENTED!);
      expect(consentedAt).toBeGreaterThanOrEqual(before - 1000);
      expect(consentedAt).toBeLessThanOrEqual(after + 1000);

      const preferences = await readMock<PreferenceReadBack[]>(`/v2/contacts/${encodeURIComponent(email)}/preferences`);
      expect(optedInIds(preferences.body)).toEqual([2, 5]);
    });

    test('shows a clear error for an invalid address and sends nothing', async ({ page }) => {
      await page.goto(path);
      await page.getByLabel('Email address').fill('not-an-email');
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(page.getByLabel('Email address')).toHaveAccessibleDescription(/Enter an email address in the correct format/);
      const lookup = await readMock(`/v2/contacts/not-an-email`);
      expect(lookup.status).toBe(404);
    });
  });
}
