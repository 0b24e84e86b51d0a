import { describe, expect, it, vi } from 'vitest';
import { createMemoryCounters, createMemorySignupQueue } from '../../../src/server/index.js';
import { captureLogger, consentFor, ENDPOINT, errorOf, post, proxyWithMock } from '../../support/proxy-fixture.js';
import { solveProof } from '../../support/solve-proof.js';

// Issue 21: the proof of work on by default. Cheap challenges here (cost 1, a few tries) so the
// tests run fast; the protocol and every check are the same as the default's.
const CHEAP = { kind: 'proof-of-work', cost: 1, maxCounter: 30 } as const;
const CHALLENGE = `${ENDPOINT}?challenge`;
type Proxy = ReturnType<typeof proxyWithMock>;
const proofFor = (proxy: Pick<Proxy, 'handler'>) => solveProof((request) => proxy.handler(request), ENDPOINT);
async function signup(proxy: Pick<Proxy, 'handler'>, extra: Record<string, unknown>, email = 'ann@example.com') {
  return proxy.handler(post({ email, preferences: [2], consent: await consentFor(proxy.handler), ...extra }));
}

describe('the proof of work, on by default', () => {
  it('is on without any setting: the definition says so (and stays public with an ETag), the challenge is its own uncacheable answer', async () => {
    const proxy = proxyWithMock({ humanCheck: undefined });
    const definition = await proxy.handler(new Request(ENDPOINT));
    expect(definition.headers.get('cache-control')).toMatch(/public/);
    expect(definition.headers.get('etag')).toBeTruthy();
    const body = (await definition.json()) as { humanCheck?: unknown };
    expect(body.humanCheck).toEqual({ kind: 'proof-of-work' });
    const first = await proxy.handler(new Request(CHALLENGE));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const challenge = (await first.json()) as { parameters: Record<string, unknown>; signature: string };
    expect(challenge.parameters).toMatchObject({ algorithm: 'PBKDF2/SHA-256', cost: 1_000, keyLength: 32 });
    expect(typeof challenge.parameters.keySignature).toBe('string');
    const second = (await (await proxy.handler(new Request(CHALLENGE))).json()) as { signature: string };
    expect(second.signature).not.toBe(challenge.signature); // per visitor
    // The default refuses a signup without a proof.
    const refused = await signup(proxy, {});
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('human_check_failed');
    expect(proxy.contactWrites()).toBe(0);
  });

  it('takes a solved signup once; none, forged, expired, reused or another site\'s are refused with human_check_failed, and nothing is queued or sent', async () => {
    const queue = createMemorySignupQueue();
    const proxy = proxyWithMock({ humanCheck: CHEAP, queue });
    const proof = await proofFor(proxy);
    expect((await signup(proxy, { proof })).status).toBe(201);
    expect(proxy.contactWrites()).toBe(1);

    const decoded = JSON.parse(atob(await proofFor(proxy))) as { challenge: { signature: string; parameters: { cost: number } }; solution: { derivedKey: string } };
    const forged = [
      { ...decoded, challenge: { ...decoded.challenge, signature: '0'.repeat(64) } },
      { ...decoded, challenge: { ...decoded.challenge, parameters: { ...decoded.challenge.parameters, cost: 2 } } },
      { ...decoded, solution: { ...decoded.solution, derivedKey: 'ab'.repeat(32) } },
    ].map((payload) => btoa(JSON.stringify(payload)));
    const old = proxyWithMock({ humanCheck: CHEAP, clock: { now: () => Date.now() - 3 * 3_600_000 } });
    const elsewhere = proxyWithMock({ humanCheck: CHEAP, allowedOrigins: ['https://shop.example.org'] });
    const cases: Array<[string, string | undefined, RegExp]> = [
      ['none', undefined, /no proof/],
      ['not base64 JSON', 'not-a-proof', /could not be read/],
      ['forged signature', forged[0], /not valid/],
      ['cheaper parameters', forged[1], /not valid/],
      ['wrong key', forged[2], /not valid/],
      ['expired', await proofFor(old), /expired/],
      ['reused', proof, /already used/],
      ['another site', await proofFor(elsewhere), /not valid/],
    ];
    for (const [name, bad, message] of cases) {
      const answer = await signup(proxy, bad === undefined ? {} : { proof: bad }, `${name.replace(/\W/g, '')}@example.com`);
      expect(answer.status, name).toBe(403);
      const error = await errorOf(answer);
      expect(error.code, name).toBe('human_check_failed');
      expect(error.message, name).toMatch(message);
    }
    expect(proxy.contactWrites()).toBe(1);
    expect(proxy.mock.store.contacts.size).toBe(1);
    expect((await queue.claim({ now: Date.now() + 86_400_000, limit: 100, leaseMs: 1_000 })).length).toBe(0);
  });

  it('a solved signup replayed from another client address (one trusted proxy hop) is refused', async () => {
    const proxy = proxyWithMock({ humanCheck: CHEAP, clientIp: { trustedProxyHops: 1 }, rateLimit: { max: 10, windowMs: 60_000 } });
    const body = { email: 'ann@example.com', preferences: [2], consent: await consentFor(proxy.handler), proof: await proofFor(proxy) };
    const from = (ip: string) => proxy.handler(post(body, { 'x-forwarded-for': ip }), { clientAddress: '10.0.0.1' });
    expect((await from('203.0.113.7')).status).toBe(201);
    const replay = await from('198.51.100.9');
    expect(replay.status).toBe(403);
    expect((await errorOf(replay)).code).toBe('human_check_failed');
    expect(proxy.contactWrites()).toBe(1);
  });

  it('any instance verifies another\'s challenge with no new setting, and with shared counters a proof spent on one is refused by the other', async () => {
    const counters = createMemoryCounters({ now: Date.now });
    const a = proxyWithMock({ humanCheck: CHEAP, stores: { counters } });
    const b = proxyWithMock({ humanCheck: CHEAP, stores: { counters } });
    const proof = await proofFor(a);
    expect((await signup(b, { proof })).status).toBe(201);
    expect((await signup(a, { proof }, 'bo@example.com')).status).toBe(403);
  });

  it('the challenge answers 404 when the check is off, and a signup needs no proof then', async () => {
    const proxy = proxyWithMock({ humanCheck: 'off' });
    expect((await proxy.handler(new Request(CHALLENGE))).status).toBe(404);
    const definition = (await (await proxy.handler(new Request(ENDPOINT))).json()) as { humanCheck?: unknown };
    expect(definition.humanCheck).toBeUndefined();
    expect((await signup(proxy, {})).status).toBe(201);
  });

  it('a bad setting throws at start, naming it', () => {
    expect(() => proxyWithMock({ humanCheck: { kind: 'proof-of-work', cost: 0 } })).toThrow(/cost` ≥ 1/);
    expect(() => proxyWithMock({ humanCheck: { kind: 'turnstile', siteKey: 'x' } as never })).toThrow(/needs `secret`/);
    expect(() => proxyWithMock({ humanCheck: { kind: 'proof-of-work', cots: 5 } as never })).toThrow(/humanCheck\.cots.*cost/);
    expect(() => proxyWithMock({ humanCheck: 'captcha' as never })).toThrow(/'proof-of-work', 'off'/);
  });

  it('logs refusals by reason at most once a minute, without addresses', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const logger = captureLogger();
      const proxy = proxyWithMock({ humanCheck: CHEAP, logger, clientIp: { trustedProxyHops: 1 } });
      const consent = await consentFor(proxy.handler);
      for (let n = 0; n < 5; n++) await proxy.handler(post({ email: `bot${n}@example.com`, consent }, { 'x-forwarded-for': `203.0.113.${n}` }), { clientAddress: '10.0.0.1' });
      await signup(proxy, { proof: 'garbage' });
      const tallies = () => logger.lines.filter((line) => /Refused signups/.test(line.message));
      expect(tallies()).toHaveLength(0);
      vi.advanceTimersByTime(60_000);
      expect(tallies()).toEqual([expect.objectContaining({ details: { no_solution: 5, bad_solution: 1 } })]);
      await signup(proxy, {});
      vi.advanceTimersByTime(59_000);
      expect(tallies()).toHaveLength(1);
      vi.advanceTimersByTime(1_000);
      expect(tallies()[1]?.details).toEqual({ no_solution: 1 });
      expect(logger.text()).not.toMatch(/bot\d@|203\.0\.113|ann@/);
    } finally {
      vi.useRealTimers();
    }
  });
});
