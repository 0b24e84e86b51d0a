import { describe, expect, it, vi } from 'vitest';
import { captureLogger, CONSENT_TEXT, ENDPOINT, fakeClock, proxyWithMock, reject, status } from '../support/proxy-fixture.js';

const get = (headers: Record<string, string> = {}, method = 'GET') => new Request(ENDPOINT, { method, headers });
const preferenceCalls = (upstream: Request[]) => upstream.filter((r) => new URL(r.url).pathname === '/v2/preferences').length;

describe('GET form definition', () => {
  it('lists public preferences only, in Dotdigital order, with fields, consent text and version', async () => {
    const { handler } = proxyWithMock({ fields: [{ name: 'firstname', label: 'First name', required: true }], optInType: 'VerifiedDouble' });
    const response = await handler(get());
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toEqual({
      preferences: [
        { id: 1, label: 'Newsletters', preferences: [{ id: 2, label: 'Weekly newsletter' }, { id: 3, label: 'Product updates' }] },
        { id: 5, label: 'Events near you' },
      ],
      consent: { text: CONSENT_TEXT, version: expect.stringMatching(/^[0-9a-f]{16}$/) },
      fields: [{ name: 'FIRSTNAME', label: 'First name', type: 'String', required: true }],
      doubleOptIn: true,
      locale: 'en',
    });
  });

  it('drops a category left without public preferences and follows `order`, not array position', async () => {
    const { handler, mock } = proxyWithMock();
    mock.store.preferences[0]!.preferences!.forEach((p) => (p.isPublic = false));
    mock.store.preferences.push({ ...mock.store.preferences[1]!, id: 6, publicName: 'First', order: '-1' });
    const body = (await (await handler(get())).json()) as { preferences: Array<{ id: number }> };
    expect(body.preferences.map((p) => p.id)).toEqual([6, 5]);
  });

  it.each([
    [[5], [{ id: 5, label: 'Events near you' }]],
    [[1], [{ id: 1, label: 'Newsletters', preferences: [{ id: 2, label: 'Weekly newsletter' }, { id: 3, label: 'Product updates' }] }]],
    [[3, 5, 4], [{ id: 1, label: 'Newsletters', preferences: [{ id: 3, label: 'Product updates' }] }, { id: 5, label: 'Events near you' }]],
  ])('shows only the configured preferences %j (never a private one)', async (preferences, expected) => {
    const { handler } = proxyWithMock({ preferences });
    expect(((await (await handler(get())).json()) as { preferences: unknown }).preferences).toEqual(expected);
  });

  it('warns once, with the ids, when configured preferences are not public in Dotdigital', async () => {
    const logger = captureLogger();
    const { handler } = proxyWithMock({ preferences: [3, 4, 77], logger, definitionCacheMs: 0 });
    await handler(get());
    await handler(get());
    expect(logger.lines.filter((line) => line.message.includes('`preferences`'))).toEqual([
      { level: 'warn', message: expect.stringContaining('not public'), details: { ids: [4, 77] } },
    ]);
  });

  it('makes one upstream call for a thousand concurrent GETs', async () => {
    const { handler, upstream } = proxyWithMock();
    const responses = await Promise.all(Array.from({ length: 1000 }, () => handler(get())));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(await Promise.all(responses.map((r) => r.text()))).size).toBe(1);
    expect(upstream).toHaveLength(1);
  });

  it('answers 304 to a matching If-None-Match (weak or strong), 200 to another, HEAD without a body', async () => {
    const { handler } = proxyWithMock();
    const first = await handler(get());
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{24}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    for (const header of [etag, `W/${etag}`, `"nope", ${etag}`, '*']) {
      const again = await handler(get({ 'if-none-match': header }));
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
    }
    expect((await handler(get({ 'if-none-match': '"other"' }))).status).toBe(200);
    const head = await handler(get({}, 'HEAD'));
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
  });

  it('serves a stale definition at once while one refresh replaces it', async () => {
    const clock = fakeClock();
    const { handler, upstream, mock } = proxyWithMock({ clock, definitionCacheMs: 60_000 });
    const before = await (await handler(get())).text();
    mock.store.preferences[1]!.publicName = 'Events and meetups';
    clock.time += 30_000;
    expect(await (await handler(get())).text()).toBe(before);
    expect(preferenceCalls(upstream)).toBe(1);
    clock.time += 31_000;
    const stale = await Promise.all(Array.from({ length: 100 }, () => handler(get())));
    expect(new Set(await Promise.all(stale.map((r) => r.text())))).toEqual(new Set([before]));
    // The refresh runs in the background: wait for it to land rather than for a fixed 10 ms,
    // which a busy machine overran. Asking again while it runs starts no second refresh.
    await vi.waitFor(async () => {
      if (!(await (await handler(get())).text()).includes('Events and meetups')) throw new Error('refresh still running');
    });
    expect(preferenceCalls(upstream)).toBe(2);
    const fresh = await (await handler(get())).text();
    expect(fresh).toContain('Events and meetups');
  });

  it('keeps serving the cached definition when a refresh fails, and logs it', async () => {
    const clock = fakeClock();
    const logger = captureLogger();
    const { handler, faults } = proxyWithMock({ clock, logger });
    const before = await (await handler(get())).text();
    clock.time += 120_000;
    faults.push({ path: /preferences/, times: 100, answer: status(500) });
    expect(await (await handler(get())).text()).toBe(before);
    // The background refresh has failed (and said so): the cached definition is still what is served.
    await expect.poll(() => logger.lines.some((l) => l.level === 'warn' && /refresh failed/.test(l.message))).toBe(true);
    expect(await (await handler(get())).text()).toBe(before);
  });

  it('answers 503 upstream_unavailable with Retry-After when nothing is cached and Dotdigital is down', async () => {
    const clock = fakeClock();
    const { handler, faults, upstream } = proxyWithMock({ clock });
    faults.push({ times: 1000, answer: reject() });
    const response = await handler(get());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await response.json()) as unknown).toEqual({ error: { code: 'upstream_unavailable', message: expect.any(String) } });
    expect(upstream.length).toBeGreaterThan(1);
    expect(clock.time - Date.parse('2026-03-01T12:00:00.000Z')).toBeLessThanOrEqual(8_000);
  });

  it('checks the configured data fields against Dotdigital once, and says which to create', async () => {
    const logger = captureLogger();
    const { handler, upstream } = proxyWithMock({ logger, fields: [{ name: 'FIRSTNAME', label: 'First name' }, { name: 'SHOESIZE', label: 'Shoe size', type: 'Numeric' }] });
    await Promise.all(Array.from({ length: 50 }, () => handler(get())));
    // The check runs beside the answers: once it has said what to create, it has made its one call.
    await expect.poll(() => logger.lines).toContainEqual({ level: 'error', message: expect.stringMatching(/SHOESIZE does not exist in Dotdigital: create it/) });
    expect(upstream.map((r) => new URL(r.url).pathname).sort()).toEqual(['/v2/data-fields', '/v2/preferences']);
    expect(logger.text()).not.toContain('FIRSTNAME does not');
  });
});
