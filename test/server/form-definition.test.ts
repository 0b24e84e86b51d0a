import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT, dotdigitalError, ENDPOINT, errorOf, proxyWithMock } from './proxy-fixture.js';

const preferenceCalls = (upstream: Request[]) => upstream.filter((r) => new URL(r.url).pathname === '/v2/preferences').length;

describe('GET form definition', () => {
  it('lists public preferences only, in Dotdigital order, with the configured fields and opt-in mode', async () => {
    const { handler, mock } = proxyWithMock({
      optInType: 'VerifiedDouble',
      fields: [{ name: 'FIRSTNAME', label: 'First name', required: true }, { name: 'AGE', label: 'Age', type: 'Numeric' }],
    });
    // Dotdigital's `order` is a string and its array order is not the display order.
    mock.store.preferences.reverse();
    mock.store.preferences.push({ ...mock.store.preferences[0]!, id: 30, publicName: 'Private category', isPreference: false, isPublic: false, order: '5', preferences: [] });
    const response = await handler(new Request(ENDPOINT));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toEqual({
      preferences: [
        { id: 1, label: 'Newsletters', preferences: [{ id: 2, label: 'Weekly newsletter' }, { id: 3, label: 'Product updates' }] },
        { id: 5, label: 'Events near you' },
      ],
      consent: { text: CONSENT_TEXT, version: expect.stringMatching(/^[0-9a-f]{16}$/) },
      fields: [
        { name: 'FIRSTNAME', label: 'First name', type: 'String', required: true },
        { name: 'AGE', label: 'Age', type: 'Numeric', required: false },
      ],
      doubleOptIn: true,
    });
  });

  it('shows only the preferences chosen in `preferences` (a category id brings its public children)', async () => {
    const chosen = proxyWithMock({ preferences: [3, 5] });
    expect(((await (await chosen.handler(new Request(ENDPOINT))).json()) as { preferences: unknown }).preferences).toEqual([
      { id: 1, label: 'Newsletters', preferences: [{ id: 3, label: 'Product updates' }] },
      { id: 5, label: 'Events near you' },
    ]);
    const category = proxyWithMock({ preferences: [1, 4, 77] });
    expect(((await (await category.handler(new Request(ENDPOINT))).json()) as { preferences: unknown }).preferences).toEqual([
      { id: 1, label: 'Newsletters', preferences: [{ id: 2, label: 'Weekly newsletter' }, { id: 3, label: 'Product updates' }] },
    ]);
    expect(category.logs.lines).toContainEqual(expect.objectContaining({ level: 'warn', details: { ids: [4, 77] } }));
  });

  it('makes one upstream call for a thousand concurrent GETs', async () => {
    const { handler, upstream } = proxyWithMock();
    const responses = await Promise.all(Array.from({ length: 1000 }, () => handler(new Request(ENDPOINT))));
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(await Promise.all(responses.map((r) => r.text()))).size).toBe(1);
    expect(preferenceCalls(upstream)).toBe(1);
  });

  it('answers If-None-Match with 304 and an ETag that changes when the definition does', async () => {
    const { handler, mock, clock } = proxyWithMock({ definitionCacheSeconds: 60 });
    const first = await handler(new Request(ENDPOINT));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=60');
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const again = await handler(new Request(ENDPOINT, { headers: { 'if-none-match': header } }));
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
    }
    mock.store.preferences[1]!.publicName = 'Events and meet-ups';
    clock.advance(61_000);
    await handler(new Request(ENDPOINT)); // stale: served at once, reload started
    await new Promise((resolve) => setTimeout(resolve, 10));
    const changed = await handler(new Request(ENDPOINT, { headers: { 'if-none-match': etag } }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('Events and meet-ups');
  });

  it('serves a stale definition at once while one reload runs, and keeps it when the reload fails', async () => {
    let down = false;
    const { handler, upstream, clock, logs, mock } = proxyWithMock({ definitionCacheSeconds: 60 }, {}, async (request, next) =>
      down ? dotdigitalError(503, 'An error has occurred. ERROR_UNKNOWN') : next(request),
    );
    const fresh = await (await handler(new Request(ENDPOINT))).text();
    down = true;
    clock.advance(61_000);
    mock.store.preferences[1]!.publicName = 'Changed';
    const stale = await Promise.all(Array.from({ length: 50 }, () => handler(new Request(ENDPOINT))));
    expect(await Promise.all(stale.map((r) => r.text()))).toEqual(Array(50).fill(fresh));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('serving the cached one') }));
    const attemptsWhileDown = preferenceCalls(upstream) - 1;
    expect(attemptsWhileDown).toBeGreaterThan(1); // retried inside its budget, as one reload
    expect(await (await handler(new Request(ENDPOINT))).text()).toBe(fresh);
  });

  it('answers HEAD with the headers and no body', async () => {
    const { handler } = proxyWithMock();
    const response = await handler(new Request(ENDPOINT, { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"/);
    expect(await response.text()).toBe('');
  });

  it('answers 503 upstream_unavailable with Retry-After when Dotdigital is down and nothing is cached', async () => {
    const { handler, clock } = proxyWithMock({}, {}, async () => dotdigitalError(500, 'An error has occurred. ERROR_UNKNOWN'));
    const response = await handler(new Request(ENDPOINT));
    expect(response.status).toBe(503);
    expect(await errorOf(response)).toEqual({ code: 'upstream_unavailable', message: expect.stringContaining('not answering') });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
  });
});
