import { describe, expect, it, vi } from 'vitest';
import { createSignupClient, SignupError } from '../../src/core/index.js';
import { proxyWithMock } from '../support/proxy-fixture.js';

const consent = { text: 'x', version: 'y', consentedAt: new Date().toISOString(), pageUrl: 'https://www.example.com/' };

function recording(answer: (init: RequestInit) => Promise<Response>) {
  const seen: RequestInit[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init = {}) => (seen.push(init), answer(init));
  return { fetch, seen };
}

/** The error a call fails with (and a failed test if it does not fail). */
async function failure(pending: Promise<unknown>): Promise<SignupError> {
  try {
    await pending;
  } catch (error) {
    return error as SignupError;
  }
  throw new Error('expected the call to fail');
}

describe('createSignupClient', () => {
  it('loads and checks the definition from a real proxy, asking as README\'s preload does (no cookies cross-origin)', async () => {
    const { handler } = proxyWithMock();
    const seen: RequestInit[] = [];
    const client = createSignupClient({ endpoint: 'https://www.example.com/api/signup', fetch: async (input, init) => (seen.push(init!), handler(new Request(input, init))) });
    const definition = await client.loadDefinition();
    expect(definition.preferences).toHaveLength(2);
    // A <link rel="preload" as="fetch" crossorigin> is a GET in credentials mode 'same-origin' (fetch's default):
    // the load must be the same request, or the browser fetches it again (and a cross-origin proxy still gets no cookies).
    expect(seen[0]!.method ?? 'GET').toBe('GET');
    expect(seen[0]!.credentials ?? 'same-origin').toBe('same-origin');
    expect(seen[0]!.headers).toBeUndefined();
    expect(seen[0]!.cache).toBeUndefined();
    await client.loadDefinition({ fresh: true });
    expect(seen[1]!.cache).toBe('no-cache');
  });

  it('turns answers without our error body into protocol codes', async () => {
    for (const [status, code] of [[429, 'rate_limited'], [404, 'not_found'], [503, 'upstream_unavailable'], [400, 'invalid_request']] as const) {
      const { fetch } = recording(async () => new Response('<html>', { status }));
      const error = await createSignupClient({ endpoint: '/x', fetch }).submit({ email: 'a@b.co', consent }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignupError);
      expect(error).toMatchObject({ code, status });
    }
  });

  it('reads how long to wait from Retry-After (seconds or a date), on submits and loads', async () => {
    const answer = (retryAfter: string | undefined) =>
      recording(async () => new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down.' } }), { status: 429, headers: retryAfter ? { 'retry-after': retryAfter } : {} })).fetch;
    const submitError = (fetch: typeof globalThis.fetch) => failure(createSignupClient({ endpoint: '/x', fetch }).submit({ email: 'a@b.co', consent }));
    expect((await submitError(answer('30'))).retryAfter).toBe(30);
    expect((await submitError(answer('2.2'))).retryAfter).toBe(3);
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect((await submitError(answer(inAMinute))).retryAfter).toBeGreaterThanOrEqual(58);
    expect((await submitError(answer(inAMinute))).retryAfter).toBeLessThanOrEqual(60);
    for (const useless of [undefined, 'soon', '0', new Date(Date.now() - 60_000).toUTCString()]) expect((await submitError(answer(useless))).retryAfter, useless).toBeUndefined();
    const down = recording(async () => new Response('{}', { status: 503, headers: { 'retry-after': '12' } }));
    await expect(createSignupClient({ endpoint: '/x', fetch: down.fetch }).loadDefinition()).rejects.toMatchObject({ code: 'upstream_unavailable', retryAfter: 12 });
  });

  it('reads the Retry-After of the real proxy’s rate limit', async () => {
    // A new contact costs two calls (read, write): the allowance of 2 is one signup, one more in 60 s.
    const { handler } = proxyWithMock({ rateLimit: { max: 2, windowMs: 120_000 } });
    const fetch: typeof globalThis.fetch = async (input, init) => handler(new Request(new URL(String(input), 'https://www.example.com'), init), { clientAddress: '203.0.113.9' });
    const client = createSignupClient({ endpoint: '/api/signup', fetch });
    const definition = await client.loadDefinition();
    const signup = { email: 'rae@example.com', consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: 'https://www.example.com/' } };
    await client.submit(signup).catch(() => undefined);
    const limited = await failure(client.submit(signup));
    expect(limited).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(limited.retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited.retryAfter).toBeLessThanOrEqual(60);
  });

  it('reports a network failure and a timeout as network_error', async () => {
    const down = recording(async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(createSignupClient({ endpoint: '/x', fetch: down.fetch }).loadDefinition()).rejects.toMatchObject({ code: 'network_error', status: 0 });
    const hung = recording((init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    await expect(createSignupClient({ endpoint: '/x', fetch: hung.fetch, timeoutMs: 20 }).submit({ email: 'a@b.co', consent })).rejects.toMatchObject({
      code: 'network_error',
      message: expect.stringContaining('did not answer within 20 ms'),
    });
  });

  it('passes the caller’s abort through as an AbortError', async () => {
    const hung = recording((init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const controller = new AbortController();
    const pending = createSignupClient({ endpoint: '/x', fetch: hung.fetch }).loadDefinition({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('says how to fix a missing endpoint', () => {
    expect(() => createSignupClient({ endpoint: ' ' })).toThrow(/`endpoint` is required/);
  });

  it('says in the console what a failed load got — URL, status or no answer — and where to read on', async () => {
    const logs = vi.spyOn(console, 'error').mockImplementation(() => {});
    const answers: Array<[() => Promise<Response>, RegExp]> = [
      [async () => new Response('Not Found', { status: 404 }), /^dotdigital-signup: GET \/api\/signup answered 404: The signup service answered 404\./],
      [async () => Response.json({ error: { code: 'upstream_unavailable', message: 'Dotdigital is not answering.' } }, { status: 503 }), /^dotdigital-signup: GET \/api\/signup answered 503: Dotdigital is not answering\./],
      [async () => Promise.reject(new TypeError('Failed to fetch')), /^dotdigital-signup: GET \/api\/signup failed: Could not reach the signup service at \/api\/signup\./],
    ];
    for (const [answer, line] of answers) {
      logs.mockClear();
      await createSignupClient({ endpoint: '/api/signup', fetch: answer }).loadDefinition().catch(() => undefined);
      expect(logs).toHaveBeenCalledTimes(1);
      expect(logs.mock.calls[0]![0]).toMatch(line);
      expect(logs.mock.calls[0]![0]).toMatch(/\(README, 'Troubleshooting'\)$/);
    }
    // A load the caller aborted is no failure to report, and a refused signup is the form's to show.
    logs.mockClear();
    const controller = new AbortController();
    const hung = recording((init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const pending = createSignupClient({ endpoint: '/x', fetch: hung.fetch }).loadDefinition({ signal: controller.signal }).catch(() => undefined);
    controller.abort();
    await pending;
    await createSignupClient({ endpoint: '/x', fetch: async () => new Response('', { status: 503 }) }).submit({ email: 'a@b.co', consent }).catch(() => undefined);
    expect(logs).not.toHaveBeenCalled();
  });
});
