import { expect, test } from '@playwright/test';
import { widgetRoot } from './widget-helpers.js';

// The script-tag page (/) pastes README's snippet, whose first line is
// <link rel="preload" href="/api/signup" as="fetch" crossorigin>: the definition is fetched
// while the script loads, and the widget's own GET must take that answer, not ask again.
// Chromium warns in the console about a preload nobody used, a few seconds after load.

// A preload nobody uses, added to the page by this test: Chromium's warning about it shows that
// its one check of every preload has run, so the absence of a warning about the form's is a fact.
const UNUSED = '/site.css?unused-preload';

test('the script tag uses the preloaded definition: one GET to the proxy, no unused-preload warning', async ({ page }) => {
  const gets: string[] = [];
  // The definition's GETs; the proof of work's challenge (`?challenge`) is a request of its own, never preloaded.
  page.on('request', (request) => new URL(request.url()).pathname === '/api/signup' && !new URL(request.url()).searchParams.has('challenge') && request.method() === 'GET' && gets.push(request.url()));
  const console: string[] = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  await page.route('/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</head>', `<link rel="preload" href="${UNUSED}" as="fetch" crossorigin>\n</head>`);
    await route.fulfill({ response, body: html });
  });

  await page.goto('/');
  expect(await page.locator('main link[rel="preload"][as="fetch"]').getAttribute('href')).toBe('/api/signup'); // README's snippet
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
  // Chromium checks the preloads 3 s after the load event.
  await expect.poll(() => console.filter((line) => line.includes(UNUSED)), { timeout: 15_000 }).toHaveLength(1);
  expect(gets).toHaveLength(1);
  expect(console.filter((line) => /preload/i.test(line) && !line.includes(UNUSED))).toEqual([]);
});
