import { describe, expect, it } from 'vitest';
import { readSignupOutcome, SIGNUP_FORM_FIELDS } from '../../src/core/index.js';
import { createMemorySignupQueue } from '../../src/server/index.js';
import { CONTACT_WRITE, consentFor, ENDPOINT, fakeClock, post, proxyInOutage, proxyWithMock, SITE } from '../support/proxy-fixture.js';

// The browser's own submit of a server-rendered <form method="post">, before (or without) JavaScript:
// the same checks as JSON, then 303 back to the page with the outcome in its URL.
const PAGE = `${SITE}/newsletter?ref=footer`;
type Proxy = ReturnType<typeof proxyWithMock>;

/** The names and values a server-rendered form posts (from core's one table of names). */
async function formFor(proxy: Pick<Proxy, 'handler'>, values: Record<string, string> = {}, { page = true } = {}) {
  const consent = await consentFor(proxy.handler);
  const form = new URLSearchParams({
    [SIGNUP_FORM_FIELDS.email]: 'ann@example.com',
    [SIGNUP_FORM_FIELDS.consentText]: consent.text,
    [SIGNUP_FORM_FIELDS.consentVersion]: consent.version,
    ...(page ? { [SIGNUP_FORM_FIELDS.pageUrl]: PAGE } : {}),
    [SIGNUP_FORM_FIELDS.honeypot]: '',
    [SIGNUP_FORM_FIELDS.formId]: 'signup-1',
    ...values,
  });
  form.append(SIGNUP_FORM_FIELDS.preferences, '2');
  form.append(SIGNUP_FORM_FIELDS.preferences, '5');
  return form;
}

/** What Chromium sends for a form submit: a navigation, with Origin and Referer. */
function submit(form: URLSearchParams | string, headers: Record<string, string> = {}): Request {
  return new Request(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, referer: PAGE, 'sec-fetch-mode': 'navigate', accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', 'user-agent': 'Chromium/1', ...headers },
    body: form,
  });
}

function outcomeOf(response: Response) {
  expect(response.status).toBe(303);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const location = response.headers.get('location')!;
  expect(location.startsWith(`${SITE}/newsletter?ref=footer&`)).toBe(true);
  return readSignupOutcome(location);
}

describe('a form posted without JavaScript', () => {
  it('signs up and sends the browser back to the page: ?dotdigital-signup=subscribed#formId, the server time recorded', async () => {
    const clock = fakeClock();
    const proxy = proxyWithMock({ clock, allowedOrigins: [SITE] });
    const response = await proxy.handler(submit(await formFor(proxy)), { clientAddress: '203.0.113.7' });
    expect(response.headers.get('location')).toBe(`${PAGE}&dotdigital-signup=subscribed#signup-1`);
    expect(outcomeOf(response)).toEqual({ status: 'subscribed', formId: 'signup-1' });
    const contact = proxy.mock.store.contacts.get('ann@example.com')!;
    expect([...contact.optedIn].sort()).toEqual([2, 5]);
    expect(contact.consentRecords.at(-1)!.fields).toMatchObject({ URL: PAGE, DATETIMECONSENTED: new Date(clock.time).toISOString(), IPADDRESS: '203.0.113.7', USERAGENT: 'Chromium/1' });
  });

  it('takes the page from Referer when the form carries none, for the record and the way back', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const response = await proxy.handler(submit(await formFor(proxy, {}, { page: false })));
    expect(outcomeOf(response)?.status).toBe('subscribed');
    expect(proxy.mock.store.contacts.get('ann@example.com')!.consentRecords.at(-1)!.fields.URL).toBe(PAGE);
  });

  it.each([
    ['an invalid address', { [SIGNUP_FORM_FIELDS.email]: 'ann@' }, { status: 'error', code: 'invalid_email', field: 'email' }],
    ['an empty address', { [SIGNUP_FORM_FIELDS.email]: '' }, { status: 'error', code: 'missing_email', field: 'email' }],
    ['a consent text the form did not show', { [SIGNUP_FORM_FIELDS.consentText]: 'Something else' }, { status: 'error', code: 'consent_mismatch', field: 'consent' }],
    ['a preference id that is not a number', { [SIGNUP_FORM_FIELDS.preferences]: 'two' }, { status: 'error', code: 'invalid_request', field: 'preferences.0' }],
    ['an unknown data field', { [`${SIGNUP_FORM_FIELDS.fieldPrefix}SHOESIZE`]: '9' }, { status: 'error', code: 'unknown_field', field: 'fields.SHOESIZE' }],
  ])('sends %s back as an error code, and signs nobody up', async (_name, values, expected) => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const form = await formFor(proxy);
    for (const [key, value] of Object.entries(values)) form.set(key, value);
    expect(outcomeOf(await proxy.handler(submit(form)))).toEqual({ ...expected, formId: 'signup-1' });
    expect(proxy.contactWrites()).toBe(0);
  });

  it('says pending_confirmation on a double opt-in list, and queued while Dotdigital is down', async () => {
    const double = proxyWithMock({ optInType: 'VerifiedDouble', allowedOrigins: [SITE] });
    expect(outcomeOf(await double.handler(submit(await formFor(double))))?.status).toBe('pending_confirmation');
    const down = proxyInOutage({ queue: createMemorySignupQueue(), allowedOrigins: [SITE] }, CONTACT_WRITE);
    expect(outcomeOf(await down.handler(submit(await formFor(down))))?.status).toBe('queued');
  });

  it('carries Retry-After when rate-limited', async () => {
    // One signup's two calls (read, write) use the allowance; one more comes back in 60 s.
    const proxy = proxyWithMock({ allowedOrigins: [SITE], rateLimit: { max: 2, windowMs: 120_000 } });
    const form = await formFor(proxy);
    expect(outcomeOf(await proxy.handler(submit(form), { clientAddress: '203.0.113.7' }))?.status).toBe('subscribed');
    expect(outcomeOf(await proxy.handler(submit(form), { clientAddress: '203.0.113.7' }))).toEqual({ status: 'error', code: 'rate_limited', retryAfterSeconds: 60, formId: 'signup-1' });
  });

  it('answers a filled honeypot as a signup and sends nothing', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    expect(outcomeOf(await proxy.handler(submit(await formFor(proxy, { [SIGNUP_FORM_FIELDS.honeypot]: 'http://spam.example' }))))?.status).toBe('subscribed');
    expect(proxy.contactWrites()).toBe(0);
  });

  it('refuses a body over 16 KB with payload_too_large', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const form = await formFor(proxy, { [`${SIGNUP_FORM_FIELDS.fieldPrefix}X`]: 'x'.repeat(17_000) });
    expect(outcomeOf(await proxy.handler(submit(form)))).toMatchObject({ status: 'error', code: 'payload_too_large' });
  });

  it('replaces an earlier outcome in the page URL rather than adding a second', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const form = await formFor(proxy, { [SIGNUP_FORM_FIELDS.pageUrl]: `${PAGE}&dotdigital-signup=error&dotdigital-signup-code=invalid_email` });
    expect((await proxy.handler(submit(form))).headers.get('location')).toBe(`${PAGE}&dotdigital-signup=subscribed#signup-1`);
  });
});

describe('the origin checks hold for form posts', () => {
  it('refuses a form posted from another origin with the JSON 403, redirecting nowhere', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const form = await formFor(proxy, { [SIGNUP_FORM_FIELDS.pageUrl]: 'https://evil.example/' });
    const response = await proxy.handler(submit(form, { origin: 'https://evil.example', referer: 'https://evil.example/' }));
    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    expect(proxy.contactWrites()).toBe(0);
  });

  it('refuses a page URL and Referer off the allowed origins (invalid_page_url), with no redirect there', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const response = await proxy.handler(submit(await formFor(proxy, {}, { page: false }), { referer: 'https://evil.example/page' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(proxy.contactWrites()).toBe(0);
  });

  it('goes back only to the origin that posted, even when another allowed origin is named', async () => {
    const OTHER = 'https://shop.example.com';
    const proxy = proxyWithMock({ allowedOrigins: [SITE, OTHER] });
    const form = await formFor(proxy, { [SIGNUP_FORM_FIELDS.pageUrl]: `${OTHER}/` });
    const response = await proxy.handler(submit(form));
    expect(response.headers.get('location')).toBe(`${PAGE}&dotdigital-signup=subscribed#signup-1`);
  });

  it('keeps JSON answers for a script posting the same encoding (fetch: Sec-Fetch-Mode cors)', async () => {
    const proxy = proxyWithMock({ allowedOrigins: [SITE] });
    const response = await proxy.handler(submit(await formFor(proxy), { 'sec-fetch-mode': 'cors', accept: '*/*' }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ status: 'subscribed' });
    const json = await proxy.handler(post({ email: 'bob@example.com', consent: await consentFor(proxy.handler) }, { accept: 'text/html' }));
    expect(json.status).toBe(201);
  });
});
