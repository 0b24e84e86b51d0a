import { expect, test, type Locator } from '@playwright/test';
import { DEMO_CONSENT_TEXTS } from '../src/demo/demo-languages.js';
import { arabicMessages } from '../test/support/arabic-messages.js';
import { axeViolations } from './widget-helpers.js';

// A language the form has no built-in messages for, passed as `messages`, in a right-to-left
// script (issue 22, item 4): the form renders mirrored — dir="rtl" on its root, its sides logical.

/** The messages as the source of a JavaScript object (their functions included), for the page's own script. */
function source(value: unknown): string {
  if (typeof value === 'function') return value.toString();
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([key, entry]) => `${JSON.stringify(key)}:${source(entry)}`).join(',')}}`;
  return JSON.stringify(value);
}

const box = async (locator: Locator) => (await locator.boundingBox())!;

test('a form in Arabic (messages passed) renders right to left: mirrored layout, errors on the inline-start side, axe finds nothing', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
  await page.route('**/arabic.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>النشرة الإخبارية</title><link rel="stylesheet" href="/site.css"></head>
<body><main><h1>اشترك في نشرتنا</h1><div id="signup" class="signup-slot"></div></main>
<script src="/embed/dotdigital-signup.js"></script>
<script>DotdigitalSignup.mount(document.getElementById('signup'), { endpoint: '/api/signup', messages: ${source(arabicMessages)} });</script></body></html>`,
  }));
  await page.setViewportSize({ width: 720, height: 900 });
  await page.goto('/arabic.html');
  const root = page.locator('.dd-signup');
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(root).toHaveAttribute('dir', 'rtl');
  await expect(root).toHaveAttribute('lang', 'ar');
  await expect(page.getByText(DEMO_CONSENT_TEXTS.ar)).toBeVisible(); // the proxy's statement in Arabic

  // Mirrored: each box sits to the right of its label, and the form's text starts at its right edge.
  const weekly = page.getByLabel('النشرة الأسبوعية');
  const label = page.getByText('النشرة الأسبوعية', { exact: true });
  expect((await box(weekly)).x).toBeGreaterThan((await box(label)).x);
  const form = await box(root);
  const legend = await box(page.getByText(arabicMessages.preferencesLegend));
  expect(form.x + form.width - (legend.x + legend.width)).toBeLessThan(legend.x - form.x);

  // An error marks its field on the inline-start side: the right, in Arabic.
  await page.getByRole('button', { name: arabicMessages.submit }).click();
  await expect(page.getByRole('alert')).toContainText(arabicMessages.errorSummaryTitle);
  const field = page.locator('.dd-signup__field--error').first();
  expect(await field.evaluate((element) => { const style = getComputedStyle(element); return [style.borderRightWidth, style.borderLeftWidth, style.paddingRight]; })).toEqual(['4px', '0px', '16px']);
  await page.screenshot({ path: 'test-results/right-to-left.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
