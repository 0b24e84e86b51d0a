import { expect, test } from '@playwright/test';
import { DEMO_CONSENT_TEXTS } from '../src/demo/demo-languages.js';
import { readMock, uniqueEmail, type ConsentReadBack } from './mock-api.js';
import { MOCK_PORT } from './playwright.config.js';
import { WIDGET_PAGES } from './widget-helpers.js';

// Consent is asked, and recorded, in the visitor's language (issue 22): each form of the language
// pages shows the proxy's statement and preference labels in its own language, and a German
// signup's consent record holds the German statement word for word.

const REGIONS = [['Deutsch', 'de', 'Wöchentlicher Newsletter'], ['Français', 'fr', 'Lettre hebdomadaire'], ['Español', 'es', 'Boletín semanal'], ['Nederlands', 'nl', 'Wekelijkse nieuwsbrief']] as const;

for (const { name, languages } of WIDGET_PAGES) {
  test(`${name}: every form of ${languages} asks for consent in its own language, and a German signup records the German statement`, async ({ page }) => {
    await page.goto(languages);
    await expect(page.locator('.dd-signup[data-state="ready"]')).toHaveCount(5);
    await expect(page.getByRole('region', { name: 'English' }).getByText(DEMO_CONSENT_TEXTS.en)).toBeVisible();
    for (const [region, locale, weekly] of REGIONS) {
      const form = page.getByRole('region', { name: region });
      await expect(form.getByText(DEMO_CONSENT_TEXTS[locale])).toBeVisible();
      await expect(form.getByLabel(weekly)).toBeVisible();
      await expect(form.getByText(DEMO_CONSENT_TEXTS.en)).toHaveCount(0);
      await expect(form.getByText('Weekly newsletter')).toHaveCount(0);
    }
    await page.screenshot({ path: `test-results/languages-consent-${name.replace(' ', '-')}.png`, fullPage: true });

    const email = uniqueEmail('deutsch');
    const german = page.getByRole('region', { name: 'Deutsch' });
    await german.getByLabel('E-Mail-Adresse').fill(email);
    await german.getByLabel('Veranstaltungen in Ihrer Nähe').check();
    await german.getByRole('button', { name: 'Abonnieren' }).click();
    await expect(german.getByRole('status')).toContainText('Vielen Dank für Ihre Anmeldung');
    const { body } = await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(email)}/with-consent`);
    expect(body.consentFields.map((record) => record.fields.find((field) => field.key === 'TEXT')?.value)).toEqual([DEMO_CONSENT_TEXTS.de]);

    // The mock's own page shows what it stored: the German statement, under the contact.
    await page.goto(`http://127.0.0.1:${MOCK_PORT}/`);
    const contact = page.getByRole('article', { name: email });
    await expect(contact.getByText(DEMO_CONSENT_TEXTS.de)).toBeVisible();
  });
}
