import { expect, test, type Page, type Route } from '@playwright/test';
import { readMock, uniqueEmail } from './mock-api.js';
import { axeViolations, focused, hold, holdDefinition, openWidget, WIDGET_PAGES, widgetRoot } from './widget-helpers.js';

// Each state of the form, on both renderers, against the running demo proxy. Where only a
// failing proxy reaches a state, one answer is replaced with page.route.
const isPost = (route: Route) => route.request().method() === 'POST';

/** Resolves after the browser has painted a frame (layout shifts are reported per frame). */
const nextFrame = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

for (const { name, path } of WIDGET_PAGES) {
  test.describe(`states: ${name}`, () => {
    test('loads without layout shift (CLS 0): the page reserves the form’s height, the placeholder keeps it', async ({ page }) => {
      // Every layout shift from navigation start, as Core Web Vitals counts them.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __shifts: string[] }).__shifts = seen;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node }> }>) {
            if (!entry.hadRecentInput) seen.push(`${entry.value.toFixed(4)} ${entry.sources.map((s) => s.node?.nodeName).join(',')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      // Three frames a visitor can see, each painted: the page before the widget's script runs,
      // the loading placeholder, the ready form. A tall window keeps the footer in view in each.
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 1200 });
        const releaseScripts = await hold(page, '**/*.js');
        const releaseDefinition = await holdDefinition(page);
        await page.goto(path, { waitUntil: 'commit' });
        await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
        const footer = page.locator('footer');
        const empty = (await footer.boundingBox())!;
        releaseScripts();
        await expect(widgetRoot(page)).toHaveAttribute('data-state', 'loading');
        const loading = { root: (await widgetRoot(page).boundingBox())!, footer: (await footer.boundingBox())! };
        await nextFrame(page);
        releaseDefinition();
        await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
        await nextFrame(page);
        const ready = { root: (await widgetRoot(page).boundingBox())!, footer: (await footer.boundingBox())! };
        expect(Math.abs(ready.root.height - loading.root.height), `placeholder vs form height at ${width}px`).toBeLessThanOrEqual(1);
        expect([loading.footer.y, ready.footer.y], `footer position at ${width}px`).toEqual([empty.y, empty.y]);
        expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts), `layout shifts at ${width}px`).toEqual([]);
        await page.unrouteAll();
      }
    });

    test('definition failed: says so and loads again on "Try again"', async ({ page }) => {
      let failures = 1;
      await page.route('**/api/signup', (route) => (failures-- > 0 ? route.abort('connectionrefused') : route.continue()));
      await page.goto(path);
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'definition_failed');
      await expect(page.getByRole('status')).toContainText('The signup form could not be loaded');
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'ready');
      await expect.poll(() => focused(page)).toContain('[Email address]'); // moved by an effect, a frame after the state
    });

    test('submitting: busy button, and a second press sends nothing more', async ({ page }) => {
      await openWidget(page, path);
      let posts = 0;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/signup', async (route) => (isPost(route) ? (posts++, await held) : undefined, route.continue()));
      await page.getByLabel('Email address').fill(uniqueEmail('busy'));
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'submitting');
      const busy = page.getByRole('button', { name: 'Subscribing…' });
      await expect(busy).toHaveAttribute('aria-disabled', 'true');
      await busy.click({ force: true }); // a real click: Playwright would wait for aria-disabled to go
      await page.getByLabel('Email address').press('Enter');
      release();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
      expect(posts).toBe(1);
    });

    test('pending confirmation names the address, and stays', async ({ page }) => {
      await page.clock.install();
      await openWidget(page, path);
      await page.route('**/api/signup', (route) => (isPost(route) ? route.fulfill({ status: 202, json: { status: 'pending_confirmation' } }) : route.continue()));
      await page.getByLabel('Email address').fill('pat@example.com');
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'pending_confirmation');
      await expect(page.getByRole('status')).toContainText('Check your inbox');
      await expect(page.getByRole('status')).toContainText('If pat@example.com can receive our emails, you will find a message from us there');
      // Every timer the page sets within the next minute fires: none takes the message away.
      await page.clock.runFor(60_000);
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'pending_confirmation');
      await expect(page.getByRole('status')).toContainText('pat@example.com');
    });

    test('upstream_unavailable: says when to try again, keeps saying it, and "Try again" resends what was typed', async ({ page }) => {
      await page.clock.install();
      await openWidget(page, path);
      const email = uniqueEmail('retry');
      let failures = 1;
      await page.route('**/api/signup', (route) =>
        isPost(route) && failures-- > 0
          ? route.fulfill({ status: 503, headers: { 'retry-after': '1' }, json: { error: { code: 'upstream_unavailable', message: 'Dotdigital is not answering.' } } })
          : route.continue(),
      );
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Events near you').check();
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
      await expect(page.getByRole('alert')).toContainText('The newsletter service is not answering right now. Your details are still here: try again in about 1 second.');
      await page.clock.runFor(1_500); // past the wait, every timer due fired: the message is not taken away
      await expect(page.getByRole('alert')).toContainText('try again in about 1 second.');
      await expect(page.getByLabel('Email address')).toHaveValue(email);
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
      expect((await readMock(`/v2/contacts/${encodeURIComponent(email)}`)).status).toBe(200);
    });

    test('409 consent_mismatch: shows the updated text, keeps the answers, and the resubmit stores the new text', async ({ page }) => {
      // The page was loaded before the consent text changed: its first definition is stale.
      let stale = true;
      await page.route('**/api/signup', async (route) => {
        if (route.request().method() !== 'GET' || !stale) return route.continue();
        stale = false;
        const response = await route.fetch();
        const definition = await response.json();
        await route.fulfill({ response, json: { ...definition, consent: { text: 'An older consent statement.', version: 'old' } } });
      });
      await openWidget(page, path);
      await expect(page.getByText('An older consent statement.')).toBeVisible();
      const email = uniqueEmail('consent');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Product updates').check();
      await page.getByRole('button', { name: 'Subscribe' }).click();

      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'error');
      await expect(page.getByText('An older consent statement.')).toHaveCount(0);
      const link = page.getByRole('link', { name: /The consent statement has changed/ });
      await link.click();
      expect(await focused(page)).toContain('dd-signup__consent-text');
      await expect(page.getByLabel('Product updates')).toBeChecked();
      await page.getByRole('button', { name: 'Subscribe' }).click();
      await expect(widgetRoot(page)).toHaveAttribute('data-state', 'subscribed');
      const stored = await readMock<{ consentFields: Array<{ fields: Array<{ key: string; value: string }> }> }>(
        `/v2/contacts/${encodeURIComponent(email)}/with-consent`,
      );
      const text = stored.body.consentFields[0]!.fields.find((f) => f.key === 'TEXT')!.value;
      expect(text).not.toBe('An older consent statement.');
    });
  });
}

for (const { name, languages } of WIDGET_PAGES) {
  test(`${name}: five forms in five languages on one page keep apart: ids, language, state; axe finds nothing`, async ({ page }) => {
    await page.goto(languages);
    const roots = page.locator('.dd-signup');
    await expect(page.locator('.dd-signup[data-state="ready"]')).toHaveCount(5);
    expect(await roots.evaluateAll((els) => els.map((el) => el.getAttribute('lang')))).toEqual(['en', 'de', 'fr', 'es', 'nl']);
    // Ids resolve within their tree: unique in the page for React, in each shadow root for the script tag.
    const idsPerTree = await page.evaluate(() =>
      [document, ...[...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))].map((tree) =>
        [...tree.querySelectorAll('[id]')].map((el) => el.id),
      ),
    );
    expect(idsPerTree.flat().length).toBeGreaterThan(5 * 5);
    for (const ids of idsPerTree) expect(new Set(ids).size).toBe(ids.length);
    expect(await axeViolations(page)).toEqual([]);

    const german = page.getByRole('region', { name: 'Deutsch' });
    await german.getByLabel('E-Mail-Adresse').fill(uniqueEmail('de'));
    await german.getByRole('button', { name: 'Abonnieren' }).click();
    await expect(german.getByRole('status')).toContainText('Vielen Dank für Ihre Anmeldung');
    expect(await roots.evaluateAll((els) => els.map((el) => el.getAttribute('data-state')))).toEqual(['ready', 'subscribed', 'ready', 'ready', 'ready']);
    await page.getByRole('region', { name: 'Français' }).getByRole('button', { name: 'S’abonner' }).click();
    await expect(page.getByRole('region', { name: 'Français' }).getByRole('alert')).toContainText('Un problème est survenu');
    await expect(page.getByRole('region', { name: 'English' }).getByRole('alert')).toHaveCount(0);
  });
}
