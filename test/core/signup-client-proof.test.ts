import { describe, expect, it, vi } from 'vitest';
import { createSignupClient, SignupError } from '../../src/core/index.js';
import { ENDPOINT, proxyWithMock, SITE } from '../support/proxy-fixture.js';

// Issue 21, the browser's side in core: the client solves the proxy's proof of work (the real
// solver, Web Crypto PBKDF2, on a cheap challenge), attaches it, and retries once on human_check_failed.
const CHEAP = { kind: 'proof-of-work', cost: 1, maxCounter: 40 } as const;

function clientFor(answerFirstPosts: number = 0, challenges: 'answered' | 'fail' = 'answered') {
  const proxy = proxyWithMock({ humanCheck: CHEAP });
  const seen: Array<{ method: string; url: string; proof?: string }> = [];
  let refusals = answerFirstPosts;
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), ENDPOINT), { ...init, headers: { ...(init?.headers as Record<string, string>), origin: SITE } });
    const body = request.method === 'POST' ? (JSON.parse(await request.clone().text()) as { proof?: string }) : undefined;
    seen.push({ method: request.method, url: request.url, ...(body?.proof ? { proof: body.proof } : {}) });
    if (challenges === 'fail' && request.url.endsWith('?challenge')) return new Response('upstream timed out', { status: 504 });
    if (request.method === 'POST' && refusals-- > 0) return Response.json({ error: { code: 'human_check_failed', message: 'expired' } }, { status: 403 });
    return proxy.handler(request);
  }) as typeof globalThis.fetch;
  return { proxy, seen, client: createSignupClient({ endpoint: ENDPOINT, fetch }) };
}
const request = async (client: ReturnType<typeof createSignupClient>, email = 'ann@example.com') => {
  const definition = await client.loadDefinition();
  return { email, preferences: [2], consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` } };
};

describe('the client and the proof of work', () => {
  it('starts solving when the definition asks for it, and sends the proof with the signup', async () => {
    const { client, seen, proxy } = clientFor();
    const body = await request(client);
    await expect.poll(() => seen.filter((call) => call.url.endsWith('?challenge')).length).toBe(1); // asked at load, before any submit
    expect(await client.submit(body)).toBe('subscribed');
    const posts = seen.filter((call) => call.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(JSON.parse(atob(posts[0]!.proof!))).toMatchObject({ challenge: { parameters: { algorithm: 'PBKDF2/SHA-256' } }, solution: { counter: expect.any(Number) } });
    expect(proxy.contactWrites()).toBe(1);
  });

  it('on human_check_failed fetches a fresh challenge and retries once, by itself', async () => {
    const { client, seen, proxy } = clientFor(1);
    expect(await client.submit(await request(client))).toBe('subscribed');
    const posts = seen.filter((call) => call.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.proof).not.toBe(posts[0]!.proof);
    expect(proxy.contactWrites()).toBe(1);
  });

  it('a proof that cannot be had (its challenge does not load) is none: the proxy refuses, the visitor reads human_check_failed, the console says why', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, seen, proxy } = clientFor(0, 'fail');
    const failure = await client.submit(await request(client)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignupError);
    expect((failure as SignupError).code).toBe('human_check_failed');
    const posts = seen.filter((call) => call.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(posts.every((call) => call.proof === undefined)).toBe(true);
    expect(proxy.contactWrites()).toBe(0);
    expect(warn).toHaveBeenCalledWith('dotdigital-signup: no proof of work to send:', expect.anything());
  });

  it('a second refusal is shown: exactly two tries', async () => {
    const { client, seen } = clientFor(2);
    const failure = await client.submit(await request(client)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignupError);
    expect((failure as SignupError).code).toBe('human_check_failed');
    expect(seen.filter((call) => call.method === 'POST')).toHaveLength(2);
  });
});
