import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail } from './mock-api.js';
import { openWidget, widgetRoot } from './widget-helpers.js';

// The script tag is the same <SignupForm> built on preact/compat, in a shadow root. Every
// browser behaviour the widget's specs check on a React-only page is checked here through
// the script tag: focus rings, reduced motion, forced colours, five languages on one page,
// the dark theme, and axe on every script-tag demo page.

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.passes.find((rule) => rule.id === 'label')?.nodes.length, 'axe looked inside the shadow root').toBeGreaterThan(0);
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

async function holdDefinition(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/signup', async (route) => ((route.request().method() === 'GET' ? await held : undefined), route.continue()));
  return release;
}

test('every stop in the tab order shows a focus ring at least 2px wide (inside the shadow root)', async ({ page }) => {
  await openWidget(page, '/');
  await page.getByLabel('Email address').fill('ann@');
  await page.getByRole('button', { name: 'Subscribe' }).press('Enter');
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
  await page.locator('h1').click();
  const seen: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el?.closest('.dd-signup')) return null;
      const style = getComputedStyle(el);
      return { what: `${el.tagName} ${el.id || el.textContent}`, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    if (!ring) break;
    seen.push(ring.what);
    expect(ring.outline, ring.what).not.toBe('none');
    expect(ring.width, ring.what).toBeGreaterThanOrEqual(2);
  }
  expect(seen.length).toBeGreaterThanOrEqual(6); // summary link, email, three boxes, button
});

test('reduced motion: no skeleton pulse, no spinning', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const release = await holdDefinition(page);
  await page.goto('/');
  await expect(widgetRoot(page).locator('.dd-signup__bone').first()).toHaveCSS('animation-name', 'none');
  release();
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
  await page.route('**/api/signup', () => {}); // the POST never answers: stay busy
  await page.getByLabel('Email address').fill('ann@example.com');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(widgetRoot(page).locator('.dd-signup__spinner')).toHaveCSS('animation-name', 'none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(widgetRoot(page).locator('.dd-signup__spinner')).toHaveCSS('animation-name', 'dd-signup-spin');
});

test('forced colours: ticks, borders and focus use system colours', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await openWidget(page, '/');
  await page.getByLabel('Weekly newsletter').check();
  await page.keyboard.press('Tab');
  const ticked = await page.getByLabel('Weekly newsletter').evaluate((el) => getComputedStyle(el).backgroundColor);
  const unticked = await page.getByLabel('Product updates').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(ticked).not.toBe(unticked);
  await expect(page.getByLabel('Product updates')).not.toHaveCSS('outline-style', 'none');
  await expect(page.getByRole('button', { name: 'Subscribe' })).not.toHaveCSS('border-top-style', 'none');
});

test('five script tags in five languages keep apart: own language, own state, ids unique in each form', async ({ page }) => {
  await page.goto('/embed-languages.html');
  const roots = page.locator('.dd-signup');
  await expect(page.locator('.dd-signup[data-state="ready"]')).toHaveCount(5);
  expect(await roots.evaluateAll((els) => els.map((el) => el.getAttribute('lang')))).toEqual(['en', 'de', 'fr', 'es', 'nl']);
  // Each form's ids resolve inside its own shadow root, so they need only be unique there.
  const idsPerRoot = await page.locator('dotdigital-signup').evaluateAll((hosts) => hosts.map((host) => [...host.shadowRoot!.querySelectorAll('[id]')].map((el) => el.id)));
  for (const ids of idsPerRoot) expect(new Set(ids).size).toBe(ids.length);
  const german = page.getByRole('region', { name: 'Deutsch' });
  await german.getByLabel('E-Mail-Adresse').fill(uniqueEmail('de-tag'));
  await german.getByRole('button', { name: 'Abonnieren' }).click();
  await expect(german.getByRole('status')).toContainText('Vielen Dank für Ihre Anmeldung');
  expect(await roots.evaluateAll((els) => els.map((el) => el.getAttribute('data-state')))).toEqual(['ready', 'subscribed', 'ready', 'ready', 'ready']);
  await page.getByRole('region', { name: 'Français' }).getByRole('button', { name: 'S’abonner' }).click();
  await expect(page.getByRole('region', { name: 'Français' }).getByRole('alert')).toContainText('Un problème est survenu');
  await expect(page.getByRole('region', { name: 'English' }).getByRole('alert')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('the dark theme reaches the shadow root through the element’s class; axe finds nothing', async ({ page }) => {
  await openWidget(page, '/embed-dark.html');
  await expect(page.getByRole('button', { name: 'Subscribe' })).toHaveCSS('background-color', 'rgb(138, 180, 255)');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
  expect(await axeViolations(page)).toEqual([]);
});

for (const path of ['/csp.html', '/embed-api.html']) {
  test(`axe: ${path} (ready): no violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('.dd-signup[data-state="ready"]').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
