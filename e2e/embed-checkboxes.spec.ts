import { expect, test } from '@playwright/test';
import { optedInIds, readMock, uniqueEmail, type PreferenceReadBack } from './mock-api.js';
import { openWidget, widgetRoot } from './widget-helpers.js';

// react-hook-form's checkboxes under Preact (the script tag's renderer): ticking, unticking,
// the keyboard, and the ticks surviving a re-render when the definition is reloaded.
const preferencesOf = async (email: string) => optedInIds((await readMock<PreferenceReadBack[]>(`/v2/contacts/${encodeURIComponent(email)}/preferences`)).body);

test.describe('script tag checkboxes (react-hook-form on Preact)', () => {
  test('tick, untick and tick again by mouse: only what is ticked at submit is sent', async ({ page }) => {
    await openWidget(page, '/');
    const email = uniqueEmail('ticks');
    await page.getByLabel('Email address').fill(email);
    const weekly = page.getByLabel('Weekly newsletter');
    const updates = page.getByLabel('Product updates');
    const events = page.getByLabel('Events near you');
    await weekly.click();
    await updates.click();
    await events.click();
    await updates.click();
    await events.click();
    await events.click();
    await expect(weekly).toBeChecked();
    await expect(updates).not.toBeChecked();
    await expect(events).toBeChecked();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
    expect(await preferencesOf(email)).toEqual([2, 5]);
  });

  test('Space ticks and unticks', async ({ page }) => {
    await openWidget(page, '/');
    const email = uniqueEmail('space');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Weekly newsletter').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Space'); // Product updates: ticked, then unticked
    await expect(page.getByLabel('Product updates')).not.toBeChecked();
    await page.keyboard.press('Enter');
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
    expect(await preferencesOf(email)).toEqual([2]);
  });

  test('the ticks survive the re-render after the consent text changed and the definition was reloaded', async ({ page }) => {
    await openWidget(page, '/');
    let answered = false;
    await page.route('**/api/signup', (route) => {
      if (route.request().method() !== 'POST' || answered) return route.continue();
      answered = true;
      return route.fulfill({ status: 409, json: { error: { code: 'consent_mismatch', message: 'changed', field: 'consent.text' } } });
    });
    const email = uniqueEmail('refresh');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Weekly newsletter').check();
    await page.getByLabel('Events near you').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.locator('.dd-signup__badge')).toHaveText('Updated'); // the reloaded definition is on screen
    await expect(page.getByLabel('Weekly newsletter')).toBeChecked();
    await expect(page.getByLabel('Events near you')).toBeChecked();
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    await page.getByLabel('Events near you').uncheck();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
    expect(await preferencesOf(email)).toEqual([2]);
  });

  test('a reloaded definition without a preference: its box goes, the other ticks stay and are sent', async ({ page }) => {
    await openWidget(page, '/');
    let refreshed = false;
    await page.route('**/api/signup', async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && !refreshed) {
        refreshed = true;
        return route.fulfill({ status: 400, json: { error: { code: 'unknown_preference', message: 'gone', field: 'preferences' } } });
      }
      if (request.method() === 'GET' && refreshed) {
        const definition = await (await route.fetch()).json();
        definition.preferences[0].preferences = definition.preferences[0].preferences.filter((p: { id: number }) => p.id !== 3);
        return route.fulfill({ json: definition });
      }
      return route.continue();
    });
    const email = uniqueEmail('dropped');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Weekly newsletter').check();
    await page.getByLabel('Product updates').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page.getByLabel('Product updates')).toHaveCount(0);
    await expect(page.getByLabel('Weekly newsletter')).toBeChecked();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
    expect(await preferencesOf(email)).toEqual([2]);
  });
});
