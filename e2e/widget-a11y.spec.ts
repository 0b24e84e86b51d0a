import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail } from './mock-api.js';
import { openWidget, widgetRoot } from './widget-helpers.js';

// axe-core on the whole page (it reads open shadow roots), every rule axe enables by default
// plus the WCAG 2.2 AA tags, in the three states a visitor sees: ready, error, success.
const pages = [
  { name: 'script tag', path: '/' },
  { name: 'React component', path: '/react.html' },
  { name: 'dark theme', path: '/dark.html' },
];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.passes.length).toBeGreaterThan(10); // it really looked,
  if (await page.getByRole('textbox').count()) {
    // inside the form too (the only form controls on these pages are the widget's)
    expect(results.passes.find((rule) => rule.id === 'label')?.nodes.length).toBeGreaterThan(0);
  }
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const { name, path } of pages) {
  test.describe(`axe: ${name}`, () => {
    test('ready: no violations', async ({ page }) => {
      await openWidget(page, path);
      expect(await violations(page)).toEqual([]);
    });

    test('error (summary, inline errors): no violations', async ({ page }) => {
      await openWidget(page, path);
      await page.getByLabel('Email address').fill('ann@');
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
      expect(await violations(page)).toEqual([]);
    });

    test('success: no violations', async ({ page }) => {
      await openWidget(page, path);
      await page.getByLabel('Email address').fill(uniqueEmail('axe'));
      await page.getByLabel('Weekly newsletter').check();
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
      expect(await violations(page)).toEqual([]);
    });
  });
}

test('axe: five forms in five languages on one page: no violations', async ({ page }) => {
  await page.goto('/languages.html');
  await expect(page.locator('.dd-signup[data-state="ready"]')).toHaveCount(5);
  expect(await violations(page)).toEqual([]);
});
