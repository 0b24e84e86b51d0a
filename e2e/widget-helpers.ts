import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The demo pages that show the widget: the script tag (shadow DOM) and the React component. */
export const WIDGET_PAGES = [
  { name: 'script tag', path: '/' },
  { name: 'React component', path: '/react.html' },
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

/** What has focus, looking through shadow roots: `tag#id.class "text"`. */
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
