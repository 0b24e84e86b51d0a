import { expect, test } from '@playwright/test';
import { optedInIds, readMock, uniqueEmail, type PreferenceReadBack } from './mock-api.js';
import { focused, openWidget, signUpByKeyboard, WIDGET_PAGES, widgetRoot } from './widget-helpers.js';

// Keyboard alone: Tab to move, type, Space to tick, Enter to submit — no mouse anywhere.
for (const { name, path } of WIDGET_PAGES) {
  test.describe(`keyboard only: ${name}`, () => {
    test('tab, type, space, enter: signs up, and focus lands on the confirmation', async ({ page }) => {
      await openWidget(page, path);
      const email = uniqueEmail('keys');
      await signUpByKeyboard(page, email);
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
      await expect.poll(() => focused(page)).toContain('dd-signup__panel'); // moved by an effect, a frame after the state
      const preferences = await readMock<PreferenceReadBack[]>(`/v2/contacts/${encodeURIComponent(email)}/preferences`);
      expect(optedInIds(preferences.body)).toEqual([2, 5]);
    });

    test('enter on an empty form: the error summary takes focus and its link leads to the field', async ({ page }) => {
      await openWidget(page, path);
      await page.locator('h1').click();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
      await expect.poll(() => focused(page)).toContain('dd-signup__summary');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatch(/^a .*"Enter your email address"/);
      await page.keyboard.press('Enter');
      expect(await focused(page)).toContain('[Email address]');
      await page.keyboard.type('kim@example.com');
      await page.keyboard.press('Enter');
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
    });
  });
}
