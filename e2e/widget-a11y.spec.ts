import { expect, test } from '@playwright/test';
import { uniqueEmail } from './mock-api.js';
import { axeViolations, openWidget, WIDGET_PAGES, widgetRoot } from './widget-helpers.js';

// axe-core, every rule axe enables by default plus the WCAG 2.2 AA tags, in the three states a
// visitor sees — ready, error (summary and inline errors), success — on each renderer, light
// and dark. (Five languages on one page: widget-states; /csp.html and /embed-api.html: their specs.)
for (const { name, path, dark } of WIDGET_PAGES) {
  for (const [theme, url] of [['light', path], ['dark', dark]] as const) {
    test(`axe: ${name}, ${theme}: ready, error and success have no violations`, async ({ page }) => {
      await openWidget(page, url);
      expect(await axeViolations(page), 'ready').toEqual([]);

      await page.getByLabel('Email address').fill('ann@');
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
      expect(await axeViolations(page), 'error').toEqual([]);

      await page.getByLabel('Email address').fill(uniqueEmail('axe'));
      await page.getByLabel('Weekly newsletter').check();
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
      expect(await axeViolations(page), 'success').toEqual([]);
    });
  }
}
