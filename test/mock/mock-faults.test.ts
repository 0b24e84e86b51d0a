import { describe, expect, it } from 'vitest';
import { mockWith, read, signup } from '../support/mock-fixture.js';

describe('mock Dotdigital: injected faults and latency', () => {
  it('answers an injected 5xx for as many matching calls as asked, then recovers', async () => {
    const { api } = mockWith({ faults: [{ status: 503, times: 2, match: /^POST / }] });
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
    const first = await api('POST', '/v2/contacts/with-consent', signup('ann@example.com'));
    expect([first.status, first.headers.get('content-type')]).toEqual([503, 'text/html']);
    expect((await api('POST', '/v2/contacts/with-consent', signup('ann@example.com'))).status).toBe(503);
    expect((await api('POST', '/v2/contacts/with-consent', signup('ann@example.com'))).status).toBe(201);
  });

  it('answers a 500 with Dotdigital’s JSON error body', async () => {
    const { api, mock } = mockWith();
    mock.inject({ status: 500 });
    const answer = await api('GET', '/v2/preferences');
    expect([answer.status, await answer.json()]).toEqual([500, { message: 'An error has occurred.' }]);
  });

  it('drops the connection: the in-process fetch rejects with undici’s TypeError "fetch failed"', async () => {
    const { api, mock } = mockWith();
    mock.inject({ drop: true });
    const failure = await api('GET', '/v2/preferences').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('fetch failed');
    expect(((failure as TypeError).cause as { code: string }).code).toBe('UND_ERR_SOCKET');
    expect(mock.store.contacts.size).toBe(0);
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
  });

  it('never injects faults into its own page', async () => {
    const { mock } = mockWith({ faults: [{ status: 503, times: Infinity }] });
    expect((await mock.fetch('http://127.0.0.1:4999/')).status).toBe(200);
    mock.clearFaults();
  });

  it('delays API answers by the configured latency, and gives up when the caller aborts', async () => {
    const { api, mock } = mockWith({ latencyMs: 60 });
    const started = performance.now();
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    mock.setLatency(5_000);
    const aborted = mock.fetch('http://127.0.0.1:4999/v2/preferences', { signal: AbortSignal.timeout(20) }).catch((error: Error) => error.name);
    expect(await aborted).toBe('TimeoutError');
  });
});

describe('mock Dotdigital: run-time controls', () => {
  it('forgets unused faults on clearFaults()', async () => {
    const { api, mock } = mockWith({ faults: [{ status: 503, times: Infinity }] });
    expect((await api('GET', '/v2/preferences')).status).toBe(503);
    mock.clearFaults();
    expect((await api('GET', '/v2/preferences')).status).toBe(200);
  });

  it('empties contacts, outbox and call log on reset(), keeping the account and its suppression list', async () => {
    const { api, mock } = mockWith({ suppressed: ['gone@example.com'] });
    await api('POST', '/v2/contacts/with-consent', signup('ann@example.com', { optInType: 'VerifiedDouble' }));
    mock.reset();
    expect([mock.store.outbox.length, mock.store.requests.length, [...mock.store.contacts.keys()]]).toEqual([0, 0, ['gone@example.com']]);
    expect(mock.store.contacts.get('gone@example.com')!.status).toBe('Suppressed');
    const { body } = await read(api('POST', '/v2/contacts/with-consent', signup('bob@example.com')));
    expect(body.contact.id).toBe(2);
    expect(mock.store.preferences).toHaveLength(2);
  });

  it('keeps only the latest calls for its page', async () => {
    const { api, mock } = mockWith();
    for (let i = 0; i < 120; i++) await api('GET', '/v2/data-fields');
    expect(mock.store.requests.length).toBeLessThanOrEqual(100);
    expect(mock.store.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v2/data-fields', status: 200 });
  });

  it('plays an outage a person switches on and off from the page, with no credentials', async () => {
    const { api, mock } = mockWith();
    const toggle = (state: string) => mock.fetch('http://127.0.0.1:4999/_mock/outage', { method: 'POST', body: new URLSearchParams({ state }) });
    expect((await toggle('on')).status).toBe(303);
    expect((await api('GET', '/v2/preferences')).status).toBe(503);
    expect((await api('POST', '/v2/contacts/with-consent', signup('ann@example.com'))).status).toBe(503);
    const page = await (await mock.fetch('http://127.0.0.1:4999/')).text();
    expect(page).toContain('<button type="submit" name="state" value="off">End the outage</button>');
    expect(mock.store.requests.at(-1)).toMatchObject({ method: 'POST', status: 503 });
    await toggle('off');
    expect((await api('POST', '/v2/contacts/with-consent', signup('ann@example.com'))).status).toBe(201);
    expect(await (await mock.fetch('http://127.0.0.1:4999/')).text()).toContain('Simulate an outage');
  });
});

