import { chromium } from '@playwright/test';
import type { BenchSection } from './bench-section.js';

// Pages of the demo with several forms: two server-rendered React forms, five script-tag forms.
const pages = [
  { name: 'React, server-rendered, 2 forms (React 19)', path: '/ssr-csp.html' },
  { name: 'script tag, 5 forms', path: '/embed-languages.html' },
];

// Before the page's scripts: keep every shadow root, open or closed, so its sheets can be counted.
const KEEP_SHADOW_ROOTS = `(() => {
  const roots = (window.__roots = []);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); roots.push(root); return root; };
})();`;

/**
 * How many copies of the widget's stylesheet a page with several forms carries, in Chromium on
 * the running demo (`base`): distinct stylesheet objects with the widget's rules, in the document
 * and in every shadow root, and the bytes of CSS in `<style>` elements. DESIGN.md: each extra
 * form adds no second stylesheet.
 *
 * @example
 * printSection(await stylesheetBench('http://localhost:3000'));
 */
export async function stylesheetBench(base: string): Promise<BenchSection> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  const rows: BenchSection['rows'] = [];
  try {
    for (const { name, path } of pages) {
      const page = await browser.newPage();
      await page.addInitScript({ content: KEEP_SHADOW_ROOTS });
      await page.goto(base + path);
      await page.waitForLoadState('networkidle');
      const count = await page.evaluate(() => {
        const roots: Array<Document | ShadowRoot> = [document, ...(window as unknown as { __roots: ShadowRoot[] }).__roots];
        const forms = roots.reduce((sum, root) => sum + root.querySelectorAll('.dd-signup__form').length, 0);
        const ours = new Set<CSSStyleSheet>();
        for (const root of roots) for (const sheet of [...root.styleSheets, ...root.adoptedStyleSheets]) if ([...sheet.cssRules].some((rule) => rule.cssText.includes('.dd-signup__button'))) ours.add(sheet);
        const inline = [...document.querySelectorAll('style')].filter((style) => style.textContent!.includes('.dd-signup__button')).reduce((sum, style) => sum + style.textContent!.length, 0);
        return { forms, sheets: ours.size, inline };
      });
      rows.push([name, `${count.sheets} stylesheet${count.sheets === 1 ? '' : 's'} for ${count.forms} forms`, `${count.inline} characters of the widget's CSS in <style> elements`]);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { title: 'Stylesheets on a page with several forms (goal: one, however many forms)', rows };
}
