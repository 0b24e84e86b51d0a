import { expect, test } from '@playwright/test';
import { widgetRoot } from './widget-helpers.js';

// The script-tag page (/) pastes README's snippet, whose first line is
// <link rel="preload" href="/api/signup" as="fetch" crossorigin>: the definition is fetched
// while the script loads, and the widget's own GET must take that answer, not ask again.
// Chromium warns in the console about a preload nobody used, a few seconds after load.

test('the script tag uses the preloaded definition: one GET to the proxy, no unused-preload warning', async ({ page }) => {
  const gets: string[] = [];
  // The definition's GETs; the proof of work's challenge (`?challenge`) is a request of its own, never preloaded.
  page.on('request', (request) => new URL(request.url()).pathname === '/api/signup' && !new URL(request.url()).searchParams.has('challenge') && request.method() === 'GET' && gets.push(request.url()));
  const console: string[] = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));

  await page.goto('/');
  expect(await page.locator('link[rel="preload"][as="fetch"]').getAttribute('href')).toBe('/api/signup');
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
  await page.waitForTimeout(3_500); // Chromium reports an unused preload 3 s after the load event
  expect(gets).toHaveLength(1);
  expect(console.filter((line) => /preload/i.test(line))).toEqual([]);
});
