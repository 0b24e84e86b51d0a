import { describe, expect, it } from 'vitest';
import { DotdigitalApiError } from '../../src/server/dotdigital/dotdigital-api-error.js';
import { systemClock } from '../../src/server/index.js';
import { UpstreamGaveUp } from '../../src/server/upstream-gave-up.js';
import { withRetry } from '../../src/server/with-retry.js';
import { upstreamFailure } from '../../src/server/upstream-failure.js';
import { captureLogs, dotdigitalError, errorOf, fakeClock, post, proxyWithMock, validBody } from './proxy-fixture.js';

const isWrite = (request: Request) => request.url.endsWith('/with-consent-and-preferences');

/** Fails the first `times` contact writes with `fault`, then lets them through to the mock. */
function failingWrites(times: number, fault: () => Response | Promise<Response>) {
  let left = times;
  return async (request: Request, next: (r: Request) => Promise<Response>) => (isWrite(request) && left-- > 0 ? fault() : next(request));
}

describe('retries inside the budget', () => {
  it.each([
    ['a 503', () => dotdigitalError(503, 'Service Unavailable')],
    ['a 500 with ERROR_UNKNOWN', () => dotdigitalError(500, 'An error has occurred. ERROR_UNKNOWN')],
    ['a dropped connection', () => Promise.reject(new TypeError('fetch failed'))],
  ])('retries %s with exponential backoff and jitter, then signs up', async (_name, fault) => {
    const { handler, clock, mock, upstream } = proxyWithMock({}, {}, failingWrites(2, fault));
    const response = await handler(post(await validBody(handler)));
    expect(response.status).toBe(201);
    expect(mock.store.contacts.has('ann@example.com')).toBe(true);
    expect(upstream.filter(isWrite)).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 250 ms, then half of 500 ms.
    expect(clock.sleeps).toEqual([125, 250]);
  });

  it('gives up with 503 upstream_unavailable once the budget is spent, never past it', async () => {
    const { handler, clock, upstream, mock } = proxyWithMock({ retry: { budgetMs: 5_000 } }, {}, failingWrites(Infinity, () => dotdigitalError(502, 'Bad Gateway')));
    const body = await validBody(handler);
    const start = clock.now();
    const response = await handler(post(body));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await errorOf(response)).toEqual({ code: 'upstream_unavailable', message: expect.any(String) });
    expect(clock.now() - start).toBeLessThan(5_000);
    expect(upstream.filter(isWrite).length).toBeGreaterThan(3);
    expect(mock.store.contacts.size).toBe(0);
  });

  it('gives up on an attempt that hangs when the budget runs out (real clock)', async () => {
    const { handler } = proxyWithMock({ clock: systemClock, retry: { budgetMs: 150 } }, {}, async (request, next) =>
      isWrite(request) ? new Promise<Response>(() => undefined) : next(request),
    );
    const body = await validBody(handler);
    const started = performance.now();
    const response = await handler(post(body));
    expect(response.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('does not retry the hourly usage cap (it lasts an hour) and tells the operator', async () => {
    const cap = 'Your account has generated excess API activity and is being temporarily capped. Please contact support. ERROR_APIUSAGE_EXCEEDED';
    const { handler, upstream, logs } = proxyWithMock({}, {}, failingWrites(Infinity, () => dotdigitalError(400, cap)));
    const response = await handler(post(await validBody(handler)));
    expect(response.status).toBe(503);
    expect(upstream.filter(isWrite)).toHaveLength(1);
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('capped') }));
  });

  it('answers 502 upstream_rejected for refused credentials, and logs how to fix it', async () => {
    const { handler, logs } = proxyWithMock({ apiPassword: 'not-the-password' });
    const response = await handler(new Request('https://www.example.com/api/signup'));
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toMatchObject({ code: 'upstream_rejected' });
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('apiPassword'), details: { kind: 'unauthorized', status: 401 } }));
  });

  it('maps Dotdigital refusing the address to invalid_email on the email field', async () => {
    const { handler } = proxyWithMock({}, {}, failingWrites(1, () => dotdigitalError(400, 'Email is not a valid email address. ERROR_PARAMETER_INVALID')));
    const response = await handler(post(await validBody(handler)));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid_email', field: 'email' });
  });
});

describe('429 from Dotdigital', () => {
  const limited = (retryAfterMs: number | undefined) => new DotdigitalApiError(429, undefined, 'Dotdigital answered 429', retryAfterMs);

  it('waits as long as the rate-limit headers say, then tries again', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await withRetry(async () => (++calls === 1 ? Promise.reject(limited(7_000)) : 'ok'), {
      deadline: clock.now() + 10_000, clock, gate: { notBefore: 0 }, policy: { budgetMs: 10_000, baseDelayMs: 250, maxDelayMs: 2_000 },
    });
    expect(result).toBe('ok');
    expect(clock.sleeps).toEqual([7_000]);
  });

  it('gives up at once when the reset is past the budget, and holds every other request back too', async () => {
    const clock = fakeClock();
    const gate = { notBefore: 0 };
    const policy = { budgetMs: 10_000, baseDelayMs: 250, maxDelayMs: 2_000 };
    const first = withRetry(() => Promise.reject(limited(45_000)), { deadline: clock.now() + 10_000, clock, gate, policy });
    await expect(first).rejects.toMatchObject({ name: 'UpstreamGaveUp', retryAfterMs: 45_000 });
    expect(clock.sleeps).toEqual([]);
    let called = false;
    const second = withRetry(async () => { called = true; return 'ok'; }, { deadline: clock.now() + 10_000, clock, gate, policy });
    await expect(second).rejects.toBeInstanceOf(UpstreamGaveUp);
    expect(called).toBe(false);
    clock.advance(45_000);
    expect(await withRetry(async () => 'ok', { deadline: clock.now() + 10_000, clock, gate, policy })).toBe('ok');
  });

  it('falls back to backoff when Dotdigital sent no usable headers', async () => {
    const clock = fakeClock();
    let calls = 0;
    await withRetry(async () => (++calls < 3 ? Promise.reject(limited(undefined)) : 'ok'), {
      deadline: clock.now() + 10_000, clock, gate: { notBefore: 0 }, policy: { budgetMs: 10_000, baseDelayMs: 250, maxDelayMs: 2_000 },
    });
    expect(clock.sleeps).toEqual([125, 250]);
  });

  it('answers the visitor 503 with a Retry-After from the reset time', async () => {
    const response = upstreamFailure(new UpstreamGaveUp(limited(120_000), 120_000, 1), captureLogs().logger);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('120');
    expect(await errorOf(response)).toMatchObject({ code: 'upstream_unavailable' });
  });
});

describe('nothing upstream reaches the browser, no address reaches the log', () => {
  const secretBody = 'Internal stack: at Dotdigital.Api.ContactsController line 42 SECRET-UPSTREAM-DETAIL ERROR_UNKNOWN';
  it.each([
    ['a 500 with a detailed body', () => dotdigitalError(500, secretBody)],
    ['a 400 with an unknown token', () => dotdigitalError(400, `${secretBody.replace('ERROR_UNKNOWN', 'ERROR_SOMETHING_NEW')}`)],
    ['HTML from a load balancer', () => new Response('<html>SECRET-UPSTREAM-DETAIL</html>', { status: 502 })],
    ['a rejected promise with a stack', () => Promise.reject(new Error('SECRET-UPSTREAM-DETAIL connect ECONNREFUSED'))],
  ])('%s', async (_name, fault) => {
    const { handler, logs } = proxyWithMock({}, {}, failingWrites(Infinity, fault));
    const response = await handler(post(await validBody(handler)));
    expect(response.status).toBeGreaterThanOrEqual(500);
    const text = await response.text();
    expect(text).not.toMatch(/SECRET|stack|ERROR_|Dotdigital\.Api|apiuser|demo-password|ann@example/);
    expect(JSON.parse(text)).toEqual({ error: { code: expect.stringMatching(/^upstream_/), message: expect.any(String) } });
    expect(logs.text()).not.toMatch(/ann@example\.com|ann%40example\.com/);
  });
});
