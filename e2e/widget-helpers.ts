import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * The widget's two renderers and their demo pages: the script tag (Preact, through
 * src/embed/react-on-preact.ts, in a shadow root) and the React component. Every widget spec loops over both, so each behaviour is
 * tested once per renderer by one piece of code.
 */
export const WIDGET_PAGES = [
  { name: 'script tag', path: '/', dark: '/embed-dark.html', languages: '/embed-languages.html' },
  { name: 'React component', path: '/react.html', dark: '/dark.html', languages: '/languages.html' },
] as const;

/** The form's root (Playwright's CSS locators pierce the script tag's open shadow root). */
export function widgetRoot(page: Page) {
  return page.locator('.dd-signup').first();
}

/** Waits until the form is ready to use. */
export async function openWidget(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
}

/** Holds every request to `url` (only those of `method`, if given) until the returned function is called. */
export async function hold(page: Page, url: string, method?: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => ((!method || route.request().method() === method ? await held : undefined), route.continue()));
  return release;
}

/** Holds every `GET /api/signup` (the form definition) until the returned function is called. */
export const holdDefinition = (page: Page) => hold(page, '**/api/signup', 'GET');

/** What has focus, looking through shadow roots: `tag [label].class "text"`. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return 'body';
    const text = (active.getAttribute('aria-label') ?? active.textContent ?? '').trim().slice(0, 40);
    const label = (active as HTMLInputElement).labels?.[0]?.textContent?.trim();
    return `${active.tagName.toLowerCase()}${label ? ` [${label}]` : ''}${active.className ? `.${String(active.className).split(' ')[0]}` : ''} "${text}"`;
  });
}

/**
 * axe-core on the whole page (it reads open shadow roots) with the WCAG 2.2 AA tags and best
 * practices; returns the violations, after checking axe really looked inside the form.
 */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  // The only text boxes on these pages are the widget's: when one is on screen, axe must have checked its label.
  if (await page.getByRole('textbox').count()) expect(results.passes.find((rule) => rule.id === 'label')?.nodes.length, 'axe looked inside the form').toBeGreaterThan(0);
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Keyboard alone, from the page above the form: Tab to the email field and type `email`, Space
 * on "Weekly newsletter" and "Events near you", then Enter on Subscribe — checking where focus
 * is at each stop (none between the last choice and the button: the honeypot is out of the tab order).
 */
export async function signUpByKeyboard(page: Page, email: string): Promise<void> {
  await page.locator('h1').click(); // start from the page, above the form
  await page.keyboard.press('Tab');
  expect(await focused(page)).toContain('[Email address]');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toContain('[Weekly newsletter]');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toContain('[Events near you]');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^button.*"Subscribe"/);
  await page.keyboard.press('Enter');
}

/**
 * Starts collecting what a Content-Security-Policy refuses on `page`, before it loads: the console's
 * "Refused to…" lines and each `securitypolicyviolation` event (directive and blocked URI). Call the
 * returned function at the end for both lists.
 *
 * @example
 * const refusals = await watchCspRefusals(page);
 * await page.goto('/csp.html');
 * expect(await refusals()).toEqual({ console: [], events: [] });
 */
export async function watchCspRefusals(page: Page): Promise<() => Promise<{ console: string[]; events: string[] }>> {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) lines.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => ({ console: lines, events: await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []) });
}
