import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail } from './mock-api.js';
import { holdDefinition, openWidget, WIDGET_PAGES, widgetRoot } from './widget-helpers.js';

// How the form looks and feels, on each renderer: screenshots to look at (saved under
// e2e/.output/screenshots), and the WCAG 2.2 checks a screenshot cannot prove — target
// sizes, visible focus, reduced motion, forced colours — and theming.
const SHOTS = 'e2e/.output/screenshots';
const DARK_ACCENT = 'rgb(138, 180, 255)'; // --dd-accent in public/dark-theme.css

/** WCAG 2.2 target size (2.5.8): every control a person can reach is at least 24×24 px. */
async function expectTargetsAtLeast24(page: Page) {
  const targets = await widgetRoot(page).evaluate((root) =>
    // Not the hidden inputs a server-rendered form posts its consent with: nobody can reach those.
    [...root.querySelectorAll<HTMLElement>('input:not([tabindex="-1"]):not([type="hidden"]), button')].map((el) => {
      const box = el.getBoundingClientRect();
      return { what: `${el.tagName} ${el.id || el.textContent}`, width: box.width, height: box.height };
    }),
  );
  expect(targets.length).toBeGreaterThan(0);
  for (const { what, width, height } of targets) {
    expect(width, what).toBeGreaterThanOrEqual(24);
    expect(height, what).toBeGreaterThanOrEqual(24);
  }
}

for (const { name, path, dark } of WIDGET_PAGES) {
  const tag = name === 'script tag' ? 'script-tag' : 'react';

  for (const width of [375, 1280]) {
    for (const [theme, url] of [['light', path], ['dark', dark]] as const) {
      test(`${name}: screenshots ${theme} ${width}px: loading, ready, error, success — every target at least 24×24`, async ({ page }) => {
        const shot = (state: string) => page.screenshot({ path: `${SHOTS}/${tag}-${theme}-${width}-${state}.png`, fullPage: true });
        await page.setViewportSize({ width, height: 900 });
        const release = await holdDefinition(page);
        await page.goto(url);
        await expect(widgetRoot(page)).toHaveAttribute('data-state', 'loading');
        await shot('loading');
        release();
        await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
        // The page's theme reaches the form (through the shadow root, for the script tag).
        if (theme === 'dark') await expect(page.getByRole('button', { name: 'Subscribe' })).toHaveCSS('background-color', DARK_ACCENT);
        await page.getByLabel('Weekly newsletter').check();
        await page.getByLabel('Email address').focus();
        await shot('ready');
        await expectTargetsAtLeast24(page);

        await page.getByLabel('Email address').fill('ann@example');
        await page.getByRole('button', { name: 'Subscribe' }).press('Enter');
        await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
        await shot('error');
        await expectTargetsAtLeast24(page);

        await page.getByLabel('Email address').fill(uniqueEmail('look'));
        await page.getByRole('button', { name: 'Subscribe' }).click();
        await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
        await shot('success');
        // Nothing sticks out sideways at 375px (a long address wraps).
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }
  }

  test(`${name}: every stop in the tab order shows a focus ring at least 2px wide`, async ({ page }) => {
    await openWidget(page, path);
    await page.getByLabel('Email address').fill('ann@');
    await page.getByRole('button', { name: 'Subscribe' }).press('Enter'); // error state: summary, its link too
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
    await page.locator('h1').click();
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement; // into the script tag's shadow root
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

  test(`${name}: reduced motion: no skeleton pulse, no spinning`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const release = await holdDefinition(page);
    await page.goto(path);
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

  test(`${name}: forced colours: ticks, borders and focus use system colours (screenshot to look at)`, async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openWidget(page, path);
    await page.getByLabel('Weekly newsletter').check();
    await page.keyboard.press('Tab'); // to "Product updates", by keyboard so the ring shows
    const unticked = await page.getByLabel('Product updates').evaluate((el) => getComputedStyle(el).backgroundColor);
    // Polled: the box's background has a 0.12 s transition, and a read at its first frame still sees the unticked colour.
    await expect.poll(() => page.getByLabel('Weekly newsletter').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(unticked);
    await expect(page.getByLabel('Product updates')).not.toHaveCSS('outline-style', 'none');
    await expect(page.getByRole('button', { name: 'Subscribe' })).not.toHaveCSS('border-top-style', 'none');
    await page.screenshot({ path: `${SHOTS}/${tag}-forced-colors-1280-ready.png`, fullPage: true });
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
    await page.screenshot({ path: `${SHOTS}/${tag}-forced-colors-1280-error.png`, fullPage: true });
  });

  test(`${name}: theming tokens set on an ancestor reach the form`, async ({ page }) => {
    await openWidget(page, path);
    await page.evaluate(() => document.querySelector('main')!.style.setProperty('--dd-accent', 'rgb(123, 45, 139)'));
    await expect(page.getByRole('button', { name: 'Subscribe' })).toHaveCSS('background-color', 'rgb(123, 45, 139)');
  });
}
