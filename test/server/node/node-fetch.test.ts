import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../../src/mock/index.js';
import { DotdigitalApiError } from '../../../src/server/dotdigital/dotdigital-api-error.js';
import { createDotdigitalClient } from '../../../src/server/dotdigital/dotdigital-client.js';
import { createNodeFetch } from '../../../src/server/node/index.js';

let mock: Awaited<ReturnType<typeof listenMock>>;
const slow = createServer(() => undefined); // accepts, never answers
let slowUrl = '';
beforeAll(async () => {
  mock = await listenMock({ port: 0 });
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
  slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
});
afterAll(async () => {
  slow.closeAllConnections();
  await new Promise((resolve) => slow.close(resolve));
  await mock.close();
});

const fetchImpl = createNodeFetch();
const auth = { authorization: `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}` };

describe('createNodeFetch', () => {
  it('does what the Dotdigital client needs, like fetch: GET, POST with a body, error statuses', async () => {
    const client = createDotdigitalClient({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: mock.url, fetch: fetchImpl });
    expect((await client.getPreferences()).length).toBeGreaterThan(0);
    expect(await client.getContactPreferences('nobody@example.com')).toBeUndefined();
    const created = await client.createContactWithConsentAndPreferences({
      contact: { email: 'nodefetch@example.com', optInType: 'Single', emailType: 'Html', dataFields: [{ key: 'FIRSTNAME', value: 'Ünïcode ✓' }] },
      consentFields: [{ fields: [{ key: 'TEXT', value: 'Yes.' }] }],
      preferences: [],
    });
    expect(created.status).toBe('Subscribed');
    expect(mock.mock.store.contacts.get('nodefetch@example.com')!.dataFields.get('FIRSTNAME')).toBe('Ünïcode ✓');
  });

  it('answers statuses and headers as they came', async () => {
    const response = await fetchImpl(`${mock.url}/v2/preferences`, { headers: { authorization: 'Basic bm8=' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ message: 'Authorization has been denied for this request.' });
    const ok = await fetchImpl(new Request(`${mock.url}/v2/data-fields`), { headers: auth });
    expect(ok.status).toBe(200);
  });

  it('rejects with the signal reason on timeout, so the client reports a timeout', async () => {
    const started = performance.now();
    const error = await fetchImpl(slowUrl, { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(2_000);
    const client = createDotdigitalClient({ apiUser: 'u', apiPassword: 'p', apiUrl: slowUrl, fetch: fetchImpl, timeoutMs: 100 });
    const failure = await client.getPreferences().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DotdigitalApiError);
    expect((failure as DotdigitalApiError).status).toBe(0);
    expect((failure as Error).message).toMatch(/timed out/);
  });

  it('rejects with a TypeError when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchImpl(url)).rejects.toBeInstanceOf(TypeError);
  });
});
