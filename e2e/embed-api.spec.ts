import { expect, test, type Page } from '@playwright/test';
import { optedInIds, readMock, uniqueEmail, type PreferenceReadBack } from './mock-api.js';
import { axeViolations } from './widget-helpers.js';

// /embed-api.html: the <dotdigital-signup> element and a form mounted through the queue
// snippet before the async script loaded, with every dotdigital-signup:* event logged by a
// listener on `document` (so the events bubble out of the shadow root: composed).

interface LoggedEvent { type: string; target: string; detail: Record<string, unknown> }

async function recordEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: unknown[] = ((window as unknown as { __events: unknown[] }).__events = []);
    for (const kind of ['ready', 'submit', 'success', 'error']) {
      document.addEventListener(`dotdigital-signup:${kind}`, (event) => {
        const target = event.target as HTMLElement;
        const detail = (event as CustomEvent).detail as Record<string, unknown>;
        // What is on screen when `ready` fires: the promise is "preferences rendered".
        const checkboxes = target.shadowRoot?.querySelectorAll('input[type=checkbox]').length ?? -1;
        seen.push({ type: event.type, target: target.id, detail: { ...detail, checkboxes, bubbles: event.bubbles, composed: event.composed } });
      });
    }
  });
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: LoggedEvent[] }).__events);

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
  await page.goto('/embed-api.html');
});

test('renders both forms on one page, each in its own shadow root, fires ready once each; axe finds nothing', async ({ page }) => {
  for (const id of ['#article-signup', '#footer-signup']) {
    const form = page.locator(id);
    await expect(form.getByLabel('Email address')).toBeVisible();
    await expect(form.getByRole('checkbox')).toHaveCount(3);
  }
  // Labels stay unique per form: ids inside two shadow roots never collide.
  await page.locator('#footer-signup').getByLabel('Weekly newsletter').check();
  await expect(page.locator('#article-signup').getByLabel('Weekly newsletter')).not.toBeChecked();
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'dotdigital-signup:ready').map((e) => e.target).sort()).toEqual(['article-signup', 'footer-signup']);
  const ready = (await events(page)).find((e) => e.type === 'dotdigital-signup:ready')!;
  expect(ready.detail).toMatchObject({ bubbles: true, composed: true, checkboxes: 3 });
  expect((ready.detail.definition as { consent: { text: string } }).consent.text.length).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
});

test('the form mounted through the queue snippet signs up; events carry the details', async ({ page }) => {
  const email = uniqueEmail('queued');
  const footer = page.locator('#footer-signup');
  await footer.getByLabel('Email address').fill(email);
  await footer.getByLabel('Events near you').check();
  await footer.getByRole('button', { name: 'Subscribe' }).click();
  await expect(footer.getByRole('status')).toContainText('Thank you for subscribing');
  await expect(page.locator('#article-signup').getByRole('status')).toHaveText('');

  await expect.poll(async () => (await events(page)).filter((e) => e.target === 'footer-signup').map((e) => e.type)).toEqual([
    'dotdigital-signup:ready',
    'dotdigital-signup:submit',
    'dotdigital-signup:success',
  ]);
  const logged = await events(page);
  expect(logged.find((e) => e.type === 'dotdigital-signup:submit')!.detail).toMatchObject({ email, preferences: [5] });
  expect(logged.find((e) => e.type === 'dotdigital-signup:success')!.detail).toMatchObject({ status: 'subscribed', email });
  const preferences = await readMock<PreferenceReadBack[]>(`/v2/contacts/${encodeURIComponent(email)}/preferences`);
  expect(optedInIds(preferences.body)).toEqual([5]);
});

test('an invalid address fires no submit event', async ({ page }) => {
  const article = page.locator('#article-signup');
  await article.getByLabel('Email address').fill('not-an-email');
  await article.getByRole('button', { name: 'Subscribe' }).click();
  await expect(article.getByText('Enter an email address in the correct format').first()).toBeVisible();
  expect((await events(page)).map((e) => e.type)).not.toContain('dotdigital-signup:submit');
});

test('a refused signup fires dotdigital-signup:error with the protocol code and the wait the proxy asked for', async ({ page }) => {
  await page.route('**/api/signup', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 429, headers: { 'retry-after': '30' }, json: { error: { code: 'rate_limited', message: 'Slow down.' } } })
      : route.fallback(),
  );
  const article = page.locator('#article-signup');
  await article.getByLabel('Email address').fill(uniqueEmail('limited'));
  await article.getByRole('button', { name: 'Subscribe' }).click();
  await expect(article.getByRole('alert')).toContainText('Too many signups at once. Try again in about 30 seconds.');
  await expect.poll(async () => (await events(page)).find((e) => e.type === 'dotdigital-signup:error')?.detail).toMatchObject({
    code: 'rate_limited',
    message: 'Slow down.',
    phase: 'submit',
    retryAfter: 30,
    bubbles: true,
    composed: true,
  });
});

test('a form that cannot load fires dotdigital-signup:error with phase "load"; Try again brings it back', async ({ page }) => {
  let down = true;
  await page.route('**/api/signup', (route) =>
    down && route.request().method() === 'GET'
      ? route.fulfill({ status: 503, json: { error: { code: 'upstream_unavailable', message: 'Dotdigital is not answering.' } } })
      : route.fallback(),
  );
  await page.reload(); // the listeners are in place again before the forms start loading
  const article = page.locator('#article-signup');
  await expect(article.getByRole('status')).toContainText('The signup form could not be loaded');
  const failures = async () => (await events(page)).filter((e) => e.type === 'dotdigital-signup:error');
  await expect.poll(async () => (await failures()).map((e) => e.target).sort()).toEqual(['article-signup', 'footer-signup']);
  for (const failure of await failures()) {
    expect(failure.detail).toMatchObject({ code: 'upstream_unavailable', message: 'Dotdigital is not answering.', phase: 'load', bubbles: true, composed: true });
  }
  expect((await events(page)).map((e) => e.type)).not.toContain('dotdigital-signup:ready');

  down = false;
  await article.getByRole('button', { name: 'Try again' }).click();
  await expect(article.getByRole('checkbox')).toHaveCount(3);
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'dotdigital-signup:ready').map((e) => e.target)).toEqual(['article-signup']);
  expect(await failures()).toHaveLength(2);
});

test('unmount() from the queued handle removes that form and leaves the other', async ({ page }) => {
  const footer = page.locator('#footer-signup');
  await expect(footer.getByLabel('Email address')).toBeVisible();
  await page.getByRole('button', { name: 'Remove the footer form' }).click();
  await expect(footer.getByLabel('Email address')).toHaveCount(0);
  await expect(page.locator('#article-signup').getByLabel('Email address')).toBeVisible();
});
