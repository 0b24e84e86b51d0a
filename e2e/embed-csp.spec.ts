import { expect, test } from '@playwright/test';
import { readMock, uniqueEmail, type ConsentReadBack } from './mock-api.js';
import { axeViolations, watchCspRefusals } from './widget-helpers.js';

// /csp.html is served with exactly `script-src 'self'; style-src 'self'`. The form must load,
// be styled (constructable stylesheets, never a <style> element), take the page's theme
// (custom properties and ::part() from the site's stylesheet) and sign up, with no CSP
// violation — and, themed so, still pass axe.

test('works under script-src/style-src self: styled, themed, no CSP violation, signs up', async ({ page }) => {
  const refusals = await watchCspRefusals(page);
  const response = await page.goto('/csp.html');
  expect(response!.headers()['content-security-policy']).toBe("script-src 'self'; style-src 'self'");

  const button = page.getByRole('button', { name: 'Subscribe' });
  await expect(button).toBeVisible();
  // The widget's own stylesheet applies (a bare button has no 2.75rem min-height) …
  await expect(button).toHaveCSS('min-height', '44px');
  // … the page's custom property reaches inside the shadow root …
  await expect(button).toHaveCSS('background-color', 'rgb(35, 65, 47)');
  await expect(page.getByLabel('Email address')).toHaveCSS('border-radius', '0px');
  // … and ::part() rules style the named parts.
  await expect(button).toHaveCSS('text-transform', 'uppercase');
  await expect(page.locator('dotdigital-signup').locator('[part~="consent"]')).toHaveCSS('font-style', 'italic');
  const styleElements = await page.locator('dotdigital-signup').evaluate((host) => host.shadowRoot!.querySelectorAll('style').length);
  expect(styleElements).toBe(0);
  expect(await axeViolations(page), 'the themed form, ready').toEqual([]);

  const email = uniqueEmail('csp');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Weekly newsletter').check();
  await button.click();
  await expect(page.getByRole('status')).toContainText('Thank you for subscribing');
  const stored = await readMock<ConsentReadBack>(`/v2/contacts/${encodeURIComponent(email)}/with-consent`);
  expect(stored.body.contact.email).toBe(email);

  expect(await refusals()).toEqual({ console: [], events: [] });
});
