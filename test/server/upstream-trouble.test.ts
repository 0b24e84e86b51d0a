import { describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { captureLogger, CONTACT_WRITE, errorOf, fakeClock, hang, post, proxyWithMock, reject, status, validBody, type Fault } from '../support/proxy-fixture.js';

const START = Date.parse('2026-03-01T12:00:00.000Z');

async function signUpThrough(faults: Fault[], options: Parameters<typeof proxyWithMock>[0] = {}) {
  const clock = fakeClock();
  const logger = captureLogger();
  const proxy = proxyWithMock({ clock, logger, ...options });
  const body = await validBody(proxy.handler);
  proxy.faults.push(...faults);
  const response = await proxy.handler(post(body));
  const text = await response.text();
  return { proxy, clock, logger, response, text, writes: proxy.contactWrites() };
}

// Whatever Dotdigital said, and whatever the proxy knows, never reaches the browser.
function expectNoLeak(text: string) {
  for (const secret of [DEMO_API_USER, DEMO_API_PASSWORD, btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`), 'ERROR_', 'Dotdigital', ' at ', 'mock.dotdigital.test', 'ann@example.com']) {
    expect(text).not.toContain(secret);
  }
}

describe('upstream trouble', () => {
  it('retries 5xx with jittered exponential backoff, then succeeds', async () => {
    const { response, clock, writes } = await signUpThrough([{ path: CONTACT_WRITE, times: 2, answer: status(503) }]);
    expect(response.status).toBe(201);
    expect(writes).toBe(3);
    expect(clock.sleeps).toEqual([100, 200]); // random() = 0.5 of 200 ms, then of 400 ms
  });

  it('retries a network failure (rejected fetch), and the contact read as well as the write', async () => {
    const { response, proxy } = await signUpThrough([
      { path: /\/contacts\/.+\/preferences$/, times: 1, answer: reject() },
      { path: CONTACT_WRITE, times: 1, answer: reject() },
    ]);
    expect(response.status).toBe(201);
    expect(proxy.mock.store.contacts.has('ann@example.com')).toBe(true);
  });

  it('says in the log why Dotdigital could not be reached (DNS, refused connection), without the address', async () => {
    const unreachable = () => async () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND r1-api.dotdigital.com'), { code: 'ENOTFOUND' }) }));
    const { response, logger } = await signUpThrough([{ path: CONTACT_WRITE, times: 1000, answer: unreachable() }], { retry: { budgetMs: 2_000 } });
    expect(response.status).toBe(503);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', details: expect.objectContaining({ kind: 'unavailable', status: 0, reason: expect.stringContaining('ENOTFOUND') }) }));
    expect(logger.text()).not.toContain('ann@example.com');
  });

  it('waits on 429 as long as the X-RateLimit-Reset header says, then succeeds', async () => {
    const headers = { 'x-ratelimit-limit': '35', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '3', 'x-ratelimit-scope': 'minute' };
    const { response, clock, writes } = await signUpThrough([{ path: CONTACT_WRITE, answer: status(429, { message: 'Too many requests' }, headers) }]);
    expect(response.status).toBe(201);
    expect(writes).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(3_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(3_200);
  });

  it('gives up at once when the rate limit resets after the budget, and says when to come back', async () => {
    const headers = { 'x-ratelimit-limit': '35', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '45' };
    const { response, text, writes, clock } = await signUpThrough([{ path: CONTACT_WRITE, times: 5, answer: status(429, { message: 'Too many requests' }, headers) }]);
    expect(response.status).toBe(503);
    expect(JSON.parse(text)).toEqual({ error: { code: 'upstream_unavailable', message: expect.any(String) } });
    expect(response.headers.get('retry-after')).toBe('45');
    expect(writes).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('answers 503 upstream_unavailable within the budget when Dotdigital keeps failing', async () => {
    const { response, text, clock, writes, logger } = await signUpThrough([{ path: CONTACT_WRITE, times: 1000, answer: status(500, { message: `Internal error for ${DEMO_API_USER}. ERROR_UNKNOWN` }) }], { retry: { budgetMs: 5_000 } });
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await errorOf(new Response(text))).toMatchObject({ code: 'upstream_unavailable' });
    // Three failures make an outage (the call budget's default): the fourth try is not sent.
    expect(writes).toBe(3);
    expect(clock.time - START).toBeLessThanOrEqual(5_000);
    expectNoLeak(text);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', details: expect.objectContaining({ kind: 'unavailable', status: 500 }) }));
  });

  it('times out a hanging call and tries again', async () => {
    const { response, writes } = await signUpThrough([{ path: CONTACT_WRITE, answer: hang() }], { retry: { attemptTimeoutMs: 30 } });
    expect(response.status).toBe(201);
    expect(writes).toBe(2);
  });

  it('does not retry the hourly usage cap, and tells the operator', async () => {
    const { response, writes, logger } = await signUpThrough([{ path: CONTACT_WRITE, times: 5, answer: status(400, { message: 'Your account has generated excess API activity and is being temporarily capped. Please contact support. ERROR_APIUSAGE_EXCEEDED' }) }]);
    expect(response.status).toBe(503);
    expect(writes).toBe(1);
    expect(logger.text()).toContain('capped');
  });

  it.each([
    ['401 (bad credentials)', 401, { message: 'Authorization has been denied for this request.' }, 502, 'upstream_rejected', /check apiUser and apiPassword/],
    ['403 (wrong region)', 403, { message: 'Forbidden: Access is denied' }, 502, 'upstream_rejected', /wrong region/],
    ['ERROR_DATAFIELD_NOTFOUND', 400, { message: 'Data field X does not exist. ERROR_DATAFIELD_NOTFOUND' }, 502, 'upstream_rejected', /create it/],
    ['ERROR_PARAMETER_INVALID', 400, { message: 'Email is not a valid email address. ERROR_PARAMETER_INVALID' }, 400, 'invalid_email', /invalid/],
    ['ERROR_PREFERENCE_NOT_FOUND', 400, { message: 'Preference 2 was not found. ERROR_PREFERENCE_NOT_FOUND' }, 400, 'unknown_preference', /no longer has a preference/],
    ['an unknown 4xx', 418, { message: `I'm a teapot for ${DEMO_API_PASSWORD}` }, 502, 'upstream_rejected', /refused/],
  ])('answers %s without retrying or leaking', async (_name, code, body, answered, errorCode, logged) => {
    const { response, text, writes, logger } = await signUpThrough([{ path: CONTACT_WRITE, answer: status(code, body) }]);
    expect(response.status).toBe(answered);
    expect(JSON.parse(text).error.code).toBe(errorCode);
    expect(writes).toBe(1);
    expectNoLeak(text);
    expect(logger.lines.some((line) => logged.test(line.message))).toBe(true);
    expect(logger.text()).not.toContain('ann@example.com');
    expect(logger.text()).not.toContain(DEMO_API_PASSWORD);
  });

  it('refreshes the form definition after Dotdigital says a preference is gone', async () => {
    const { proxy } = await signUpThrough([{ path: CONTACT_WRITE, answer: status(400, { message: 'Preference 2 was not found. ERROR_PREFERENCE_NOT_FOUND' }) }]);
    const before = proxy.upstream.filter((r) => r.url.endsWith('/v2/preferences')).length;
    await proxy.handler(new Request('https://www.example.com/api/signup'));
    await expect.poll(() => proxy.upstream.filter((r) => r.url.endsWith('/v2/preferences')).length).toBe(before + 1); // refreshed in the background
  });
});
