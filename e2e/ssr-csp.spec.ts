import { expect, test } from '@playwright/test';
import { uniqueEmail } from './mock-api.js';
import { watchCspRefusals } from './widget-helpers.js';

// /ssr-csp.html: two <SignupForm nonce> rendered by the server in one React 19 stream, served
// with `style-src 'self' 'nonce-…'` (no 'unsafe-inline'), then hydrated. The stylesheet must be
// in the page once, carry the nonce (else the browser refuses it and the forms are bare) and
// stay alone after hydration.

test('two server-rendered forms under a nonce CSP: one stylesheet, styled, no <style> refused, signs up', async ({ page }, testInfo) => {
  const refusals = await watchCspRefusals(page);
  const gets: string[] = [];
  // Definition requests; the proof of work's challenge (`?challenge`) is its own, expected request.
  page.on('request', (request) => request.url().includes('/api/signup') && !request.url().includes('challenge') && request.method() === 'GET' && gets.push(request.url()));

  const response = await page.goto('/ssr-csp.html');
  const policy = response!.headers()['content-security-policy']!;
  expect(policy).toMatch(/style-src 'self' 'nonce-[\w+/=]+'/);
  expect(policy).not.toContain('unsafe-inline');

  const buttons = page.getByRole('button', { name: 'Subscribe' });
  await expect(buttons).toHaveCount(2);
  // The widget's stylesheet applies to both (a bare button has no 2.75em min-height).
  for (const button of await buttons.all()) await expect(button).toHaveCSS('min-height', '44px');
  await expect(page.locator('.dd-signup').nth(1)).toHaveCSS('border-top-style', 'solid');

  await page.waitForLoadState('networkidle'); // the bundle has run and hydrated
  const sheets = await page.evaluate(() => {
    const ours = (sheet: CSSStyleSheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.dd-signup__button'));
    return {
      styleElements: document.querySelectorAll('style').length,
      inHead: document.head.querySelectorAll('style').length,
      applied: [...document.styleSheets, ...document.adoptedStyleSheets].filter(ours).length,
    };
  });
  expect(sheets).toEqual({ styleElements: 1, inHead: 0, applied: 1 }); // the fragment's stream writes it before the forms

  // Hydrated: the second form signs up on its own.
  const second = page.locator('.signup-events');
  await second.getByLabel('Email address').fill(uniqueEmail('ssr-csp'));
  await second.getByLabel('Weekly newsletter').check();
  await second.getByRole('button', { name: 'Subscribe' }).click();
  await expect(second.getByRole('status')).toContainText('Thank you for subscribing');
  await expect(page.locator('.dd-signup').first()).toHaveAttribute('data-state', 'ready');

  await page.screenshot({ path: testInfo.outputPath('ssr-csp.png'), fullPage: true });
  expect(gets, 'definition requests').toEqual([]);
  // Nothing refused: no <style> element (style-src-elem), no style attribute (style-src-attr; the
  // honeypot is hidden by the `hidden` attribute), and the honeypot stays out of sight.
  expect(await refusals()).toEqual({ console: [], events: [] });
  await expect(page.locator('.dd-signup__honeypot')).toHaveCount(1); // the first form's; the second shows its thanks
  await expect(page.getByText('Leave this field empty')).toBeHidden();
});
