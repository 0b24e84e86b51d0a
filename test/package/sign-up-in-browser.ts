import type { Browser } from '@playwright/test';
import type { ExpectStatic } from 'vitest';
import { SITE, siteContext } from './packed-app.js';

// What a visitor does on a user's server-rendered page (`/newsletter`), the same for every
// app the real-client tests build: README's demo account has three public preferences.
const PREFERENCES = ['Weekly newsletter', 'Product updates', 'Events near you'];

/** With scripts off, the page as the server sent it holds the whole form, ready. */
export async function wholeFormWithoutScript(browser: Browser, base: string, expect: ExpectStatic): Promise<void> {
  const { context, problems } = await siteContext(browser, base, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${SITE}/newsletter`);
    expect(await page.locator('.dd-signup').getAttribute('data-state')).toBe('ready');
    expect(await page.getByRole('textbox', { name: 'Email address' }).count()).toBe(1);
    expect(await page.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim()))).toEqual(PREFERENCES);
    expect(await page.getByRole('button', { name: 'Subscribe' }).count()).toBe(1);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

/**
 * Signs `email` up for the weekly newsletter with JavaScript: the form hydrates from the server's
 * HTML without loading the definition again, posts once, and says so, with nothing in the console.
 */
export async function signUpInBrowser(browser: Browser, base: string, email: string, expect: ExpectStatic): Promise<void> {
  const { context, problems, requests } = await siteContext(browser, base);
  try {
    const page = await context.newPage();
    await page.goto(`${SITE}/newsletter`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Weekly newsletter').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Thank you for subscribing');
    expect(page.url()).toBe(`${SITE}/newsletter`);
    // The form came with its definition (no request for it); its proof of work's challenge is its own request.
    expect(requests.filter((request) => request.includes('/api/signup'))).toEqual(['GET /api/signup?challenge', 'POST /api/signup']);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

/**
 * Signs `email` up with scripts off: the browser's own form post goes to the proxy, which answers
 * `303` back to the page, and the page the server renders then shows the outcome.
 */
export async function signUpWithoutScript(browser: Browser, base: string, email: string, expect: ExpectStatic): Promise<void> {
  const { context, problems, requests } = await siteContext(browser, base, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${SITE}/newsletter`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Weekly newsletter').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.waitForURL(/dotdigital-signup=/, { timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('dotdigital-signup')).toBe('subscribed');
    expect(requests).toEqual(['GET /newsletter', 'POST /api/signup', `GET ${new URL(page.url()).pathname}${new URL(page.url()).search}`]);
    expect(await page.getByRole('status').textContent()).toContain('Thank you for subscribing');
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}
