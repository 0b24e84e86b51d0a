// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';

// README's Next.js page (README, "Next.js (app router)"): a Server Component that asks the route's
// handler for the definition and renders the whole form, against the mock over real HTTP.
let mock: Awaited<ReturnType<typeof listenMock>>;
beforeAll(async () => {
  mock = await listenMock();
  Object.assign(process.env, { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url });
});
afterAll(async () => {
  for (const name of ['DOTDIGITAL_API_USER', 'DOTDIGITAL_API_PASSWORD', 'DOTDIGITAL_API_URL']) delete process.env[name];
  await mock.close();
});

it("README's Next.js page renders the account's whole form on the server, without a request of its own", async () => {
  const fetch = vi.spyOn(globalThis, 'fetch');
  const { default: NewsletterPage } = await import('./readme/next-page.js');
  const html = renderToString(await NewsletterPage({ searchParams: Promise.resolve({}) }));
  expect(html).toContain('data-state="ready"');
  expect(html).toContain('Yes, send me the monthly newsletter. I can unsubscribe at any time.'); // the route's consent text
  expect(html).toMatch(/<button type="submit"[^>]*>Subscribe<\/button>/);
  expect(html.match(/type="checkbox"/g)!.length).toBeGreaterThan(1); // the demo account's preferences
  // The handler asked Dotdigital; nothing called the app's own /api/signup.
  expect(fetch.mock.calls.map(([input]) => String(input)).filter((url) => !url.startsWith(mock.url))).toEqual([]);
  expect(fetch.mock.calls.length).toBeGreaterThan(0);
});

it("README's Next.js page is a form the browser can post itself, and renders the outcome it is sent back with", async () => {
  const { default: NewsletterPage } = await import('./readme/next-page.js');
  const form = renderToString(await NewsletterPage({ searchParams: Promise.resolve({ ref: 'footer' }) }));
  expect(form).toMatch(/<form[^>]*method="post"/);
  expect(form).toMatch(/<form[^>]*action="\/api\/signup"/);
  expect(form).toContain('name="consent.text" value="Yes, send me the monthly newsletter. I can unsubscribe at any time."');
  expect(form).toMatch(/name="consent.version" value="\w+"/);
  const after = renderToString(await NewsletterPage({ searchParams: Promise.resolve({ 'dotdigital-signup': 'error', 'dotdigital-signup-code': 'invalid_email', 'dotdigital-signup-field': 'email' }) }));
  expect(after).toContain('data-state="error"');
  expect(after).toContain('aria-invalid="true"');
  expect(after).toContain('Enter an email address in the correct format');
});
