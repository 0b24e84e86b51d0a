import { expect, test, type Page } from '@playwright/test';
import { DEMO_CONSENT_TEXTS } from '../src/demo/demo-languages.js';

// Every way a site can load the script tag loads the language its form asks for (issue 22,
// item 5): the German messages from beside the script (classic scripts, found through
// document.currentScript) or as a chunk of the module build, and the proxy's German statement.

const SCRIPT = '/embed/dotdigital-signup.js';
const FORM = '<dotdigital-signup endpoint="/api/signup" locale="de"></dotdigital-signup>';
const WAYS: Array<{ name: string; body: string; language: string }> = [
  { name: 'a blocking <script>', body: `<script src="${SCRIPT}"></script>${FORM}`, language: '/embed/dotdigital-signup.de.js' },
  { name: 'an async <script>', body: `${FORM}<script src="${SCRIPT}" async></script>`, language: '/embed/dotdigital-signup.de.js' },
  { name: 'a deferred <script> in <head>', body: `<script src="${SCRIPT}" defer></script>${FORM}`, language: '/embed/dotdigital-signup.de.js' },
  {
    name: 'a <script> a tag manager inserts after the page has loaded',
    body: `${FORM}<script>addEventListener('load', () => setTimeout(() => { const s = document.createElement('script'); s.src = '${SCRIPT}'; document.body.append(s); }, 50));</script>`,
    language: '/embed/dotdigital-signup.de.js',
  },
  // No bundler: the browser itself resolves the module build's import('./de.js') against its URL.
  { name: 'the module build as a <script type="module">', body: `${FORM}<script type="module" src="/embed/module/dotdigital-signup.js"></script>`, language: '/embed/module/de.js' },
];

async function servePage(page: Page, path: string, body: string): Promise<void> {
  await page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Newsletter</title></head><body>${body}</body></html>` }));
}

for (const [index, way] of WAYS.entries()) {
  test(`${way.name}: the form asking for German is in German, consent statement and preference labels included`, async ({ page }) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
    await servePage(page, `/loading-${index}.html`, way.body);
    await page.goto(`/loading-${index}.html`);
    const form = page.locator('dotdigital-signup');
    await expect(form.getByLabel('E-Mail-Adresse')).toBeVisible();
    await expect(form.getByText(DEMO_CONSENT_TEXTS.de)).toBeVisible();
    await expect(form.getByRole('group', { name: 'Newsletter' })).toBeVisible();
    await expect(form.getByLabel('Wöchentlicher Newsletter')).toBeVisible();
    await expect(form.locator('.dd-signup')).toHaveAttribute('lang', 'de');
    expect(scripts.filter((path) => path === way.language)).toHaveLength(1);
    expect(problems).toEqual([]);
  });
}
