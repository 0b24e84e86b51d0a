import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail } from './mock-api.js';
import { openWidget, widgetRoot } from './widget-helpers.js';

// How the form looks and feels: screenshots to look at (saved under e2e/.output/screenshots),
// and the WCAG 2.2 checks a screenshot cannot prove — target sizes, visible focus,
// reduced motion, forced colours.
const SHOTS = 'e2e/.output/screenshots';
const themes = [
  { theme: 'light', path: '/react.html' },
  { theme: 'light-script-tag', path: '/' },
  { theme: 'dark', path: '/dark.html' },
];

async function holdDefinition(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/signup', async (route) => ((route.request().method() === 'GET' ? await held : undefined), route.continue()));
  return release;
}

/** WCAG 2.2 target size (2.5.8): every control a person can reach is at least 24×24 px. */
async function expectTargetsAtLeast24(page: Page) {
  const targets = await widgetRoot(page).evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('input:not([tabindex="-1"]), button')].map((el) => {
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

for (const width of [375, 1280]) {
  for (const { theme, path } of themes) {
    test(`screenshots ${theme} ${width}px: loading, ready, error, success — every target at least 24×24`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const release = await holdDefinition(page);
      await page.goto(path);
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'loading');
      await page.screenshot({ path: `${SHOTS}/${theme}-${width}-loading.png`, fullPage: true });
      release();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
      await page.getByLabel('Weekly newsletter').check();
      await page.getByLabel('Email address').focus();
      await page.screenshot({ path: `${SHOTS}/${theme}-${width}-ready.png`, fullPage: true });
      await expectTargetsAtLeast24(page);

      await page.getByLabel('Email address').fill('ann@example');
      await page.getByRole('button', { name: 'Subscribe' }).press('Enter');
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
      await page.screenshot({ path: `${SHOTS}/${theme}-${width}-error.png`, fullPage: true });
      await expectTargetsAtLeast24(page);

      await page.getByLabel('Email address').fill(uniqueEmail('look'));
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
      await page.screenshot({ path: `${SHOTS}/${theme}-${width}-success.png`, fullPage: true });
      // Nothing sticks out sideways at 375px (a long address wraps).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
}

test('every stop in the tab order shows a focus ring at least 2px wide', async ({ page }) => {
  await openWidget(page, '/react.html');
  await page.getByLabel('Email address').fill('ann@');
  await page.getByRole('button', { name: 'Subscribe' }).press('Enter'); // error state: summary, its link too
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
  await page.locator('h1').click();
  const seen: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      if (!el.closest('.dd-signup')) return null;
      const style = getComputedStyle(el);
      return { what: `${el.tagName} ${el.id || el.textContent}`, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    if (!ring) break;
    seen.push(ring.what);
    expect(ring.outline, ring.what).not.toBe('none');
    expect(ring.width, ring.what).toBeGreaterThanOrEqual(2);
  }
  expect(seen.length).toBeGreaterThanOrEqual(6); // link, email, three boxes, button
});

test('reduced motion: no skeleton pulse, no spinning', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const release = await holdDefinition(page);
  await page.goto('/react.html');
  const bone = widgetRoot(page).locator('.dd-signup__bone').first();
  await expect(bone).toHaveCSS('animation-name', 'none');
  release();
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
  await page.route('**/api/signup', () => {}); // the POST never answers: stay busy
  await page.getByLabel('Email address').fill('ann@example.com');
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(widgetRoot(page).locator('.dd-signup__spinner')).toHaveCSS('animation-name', 'none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(widgetRoot(page).locator('.dd-signup__spinner')).toHaveCSS('animation-name', 'dd-signup-spin');
});

test('forced colours: ticks, borders and focus use system colours (screenshot to look at)', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await openWidget(page, '/react.html');
  await page.getByLabel('Weekly newsletter').check();
  await page.keyboard.press('Tab'); // to "Product updates", by keyboard so the ring shows
  const ticked = await page.getByLabel('Weekly newsletter').evaluate((el) => getComputedStyle(el).backgroundColor);
  const unticked = await page.getByLabel('Product updates').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(ticked).not.toBe(unticked);
  await expect(page.getByLabel('Product updates')).not.toHaveCSS('outline-style', 'none');
  await expect(page.getByRole('button', { name: 'Subscribe' })).not.toHaveCSS('border-top-style', 'none');
  await page.screenshot({ path: `${SHOTS}/forced-colors-1280-ready.png`, fullPage: true });
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
  await page.screenshot({ path: `${SHOTS}/forced-colors-1280-error.png`, fullPage: true });
});

test('theming tokens set on an ancestor reach the form, through the script tag’s shadow root too', async ({ page }) => {
  for (const path of ['/', '/react.html']) {
    await openWidget(page, path);
    await page.evaluate(() => document.querySelector('main')!.style.setProperty('--dd-accent', 'rgb(123, 45, 139)'));
    await expect(page.getByRole('button', { name: 'Subscribe' })).toHaveCSS('background-color', 'rgb(123, 45, 139)');
  }
});
