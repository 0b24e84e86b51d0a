import { describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { consentFor, ENDPOINT, errorOf, post, proxyWithMock, SITE } from '../../support/proxy-fixture.js';
import { redisServerForFile } from '../../support/redis-for-file.js';
import { solveProof } from '../../support/solve-proof.js';

// Issue 21 with a real redis-server: the replay store and the no-JavaScript budget every instance shares.
const open: RedisStores[] = [];
const redis = redisServerForFile(open);
const quiet = { warn: () => undefined, error: () => undefined };
const CHEAP = { kind: 'proof-of-work', cost: 1, maxCounter: 20, expiresMs: 600_000 } as const;

async function instances(prefix: string, count: number, more: Record<string, unknown> = {}) {
  const made = await Promise.all(Array.from({ length: count }, async () => {
    const stores = createRedisStores({ redis: redis.server.url, prefix, logger: quiet });
    open.push(stores);
    await stores.ping();
    return stores;
  }));
  const first = proxyWithMock({ humanCheck: CHEAP, stores: made[0]!, rateLimit: false, ...more });
  const rest = made.slice(1).map((stores) => proxyWithMock({ humanCheck: CHEAP, stores, rateLimit: false, fetch: first.upstreamFetch as typeof fetch, ...more }));
  return { first, handlers: [first.handler, ...rest.map((p) => p.handler)], stores: made };
}

describe('bot defense in Redis', () => {
  it('a proof spent on one instance is refused by the others, and is kept as long as its challenge lives', async () => {
    const { first, handlers, stores } = await instances('r1', 3);
    const proof = await solveProof((request) => handlers[1]!(request), ENDPOINT); // issued by another instance
    const body = { email: 'ann@example.com', consent: await consentFor(first.handler), proof };
    expect((await handlers[0]!(post(body))).status).toBe(201);
    for (const handler of handlers) {
      const again = await handler(post({ ...body, email: 'bo@example.com' }));
      expect(again.status).toBe(403);
      expect((await errorOf(again)).message).toMatch(/already used/);
    }
    expect(first.contactWrites()).toBe(1);
    const keys = await stores[0]!.redis.keys('{r1}:proof-used*');
    expect(keys).toHaveLength(1);
    const ttl = await stores[0]!.redis.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(600_000);
    expect(ttl).toBeLessThanOrEqual(660_000);
  });

  it('the no-JavaScript budget is one for the site, whichever instance takes the post', async () => {
    const { first, handlers } = await instances('r2', 3, { unverifiedFormPosts: { max: 4, windowMs: 3_600_000 } });
    const consent = await consentFor(first.handler);
    const said: string[] = [];
    for (let n = 0; n < 9; n++) {
      const answer = await handlers[n % 3]!(new Request(ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, 'sec-fetch-mode': 'navigate' },
        body: new URLSearchParams({ email: `v${n}@example.com`, 'consent.text': consent.text, 'consent.version': consent.version, 'consent.pageUrl': `${SITE}/` }),
      }));
      said.push(new URL(answer.headers.get('location')!).searchParams.get('dotdigital-signup') ?? '');
    }
    expect(said.filter((s) => s === 'subscribed')).toHaveLength(4);
    expect(first.contactWrites()).toBe(4);
  });
});
