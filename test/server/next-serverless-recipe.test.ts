import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { createRedisStores } from '../../src/server/stores/redis/index.js';
import { startRedisServer, type TestRedisServer } from '../support/redis-server.js';
import { mockOutage } from '../support/sign-up-over-http.js';
import { solveProof } from '../support/solve-proof.js';

// README "Deploy", Next.js on a serverless host: the signup route queues into Redis while
// Dotdigital is down, and the cron route (behind CRON_SECRET) delivers. The files under
// adapters/next-serverless/ are README's snippets; the first test keeps them the same. The
// modules load while Redis is down (a cold start in a Redis blip), and heal when it is back.
// test/package/next-app.test.ts builds the same files with `next build` from the tarball.
const SITE = 'https://www.example.com';
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const recipe = (name: string) => readFileSync(new URL(`./adapters/next-serverless/${name}`, import.meta.url), 'utf8');
const ENV = ['DOTDIGITAL_API_USER', 'DOTDIGITAL_API_PASSWORD', 'DOTDIGITAL_API_URL', 'SIGNUP_REDIS_URL', 'CRON_SECRET'];
let mock: Awaited<ReturnType<typeof listenMock>>;
let redis: TestRedisServer;
type Routes = { signup: typeof import('./adapters/next-serverless/route.js'); deliver: typeof import('./adapters/next-serverless/deliver-route.js'); readyz: typeof import('./adapters/next-serverless/readyz-route.js') };
let routes: Routes;
const load = async (): Promise<Routes> => ({
  signup: await import('./adapters/next-serverless/route.js'), deliver: await import('./adapters/next-serverless/deliver-route.js'), readyz: await import('./adapters/next-serverless/readyz-route.js'),
});

beforeAll(async () => {
  [mock, redis] = await Promise.all([listenMock(), startRedisServer()]);
  await redis.stop(); // down when the modules load and the first visitors come
  Object.assign(process.env, { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url, SIGNUP_REDIS_URL: redis.url, CRON_SECRET: 'cron-secret-for-tests' });
  routes = await load();
});
// The handler's default logger (Redis away, Dotdigital away) and the cron route's own line: read where a test needs them.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  for (const name of ENV) delete process.env[name];
  await Promise.all([mock.close(), redis.close()]);
});

const outage = (state: 'on' | 'off') => mockOutage(mock.url, state);
const cron = (authorization?: string, deliver = routes.deliver) => deliver.GET(new Request(`${SITE}/api/signup/deliver`, authorization ? { headers: { authorization } } : {}));
let visitors = 0;
async function signUp(email: string, ip = `198.51.100.${++visitors % 250}`) {
  const definition = await routes.signup.GET(new Request(`${SITE}/api/signup`, { headers: { origin: SITE } }));
  const { consent } = (await definition.json()) as { consent: { text: string; version: string } };
  // The proof of work is on by default: the recipe's GET route hands out the challenge too.
  const proof = await solveProof((request) => routes.signup.GET(request), `${SITE}/api/signup`);
  const body = JSON.stringify({ email, consent: { ...consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` }, proof });
  const headers = { 'content-type': 'application/json', origin: SITE, 'x-forwarded-for': ip };
  return routes.signup.POST(new Request(`${SITE}/api/signup`, { method: 'POST', headers, body }));
}

describe('README recipe: Next.js on a serverless host (Redis + cron)', () => {
  it('README shows these files, line for line (imports aside)', () => {
    for (const name of ['signup-handler.ts', 'route.ts', 'deliver-route.ts', 'readyz-route.ts']) {
      const lines = recipe(name).split('\n').filter((line) => line.trim() && !line.startsWith('//') && !line.startsWith('import') && !line.includes('DOTDIGITAL_API_URL'));
      expect(lines.filter((line) => !readme.includes(line)), `${name} lines README lacks`).toEqual([]);
    }
  });

  it('loaded with Redis down: signs up live, answers 503 with Retry-After when Dotdigital is down too, and queues into Redis once it is back, without a restart', async () => {
    expect(await (await signUp('live@example.com')).json()).toEqual({ status: 'subscribed' });
    await outage('on');
    const refused = await signUp('nowhere@example.com');
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const cronAway = await cron('Bearer cron-secret-for-tests');
    expect(cronAway.status).toBe(503);
    expect(((await cronAway.json()) as { error: string }).error).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable: connection refused/);

    await redis.restart();
    const upAt = performance.now();
    let queuedAfterMs = 0;
    await vi.waitFor(async () => {
      const answer = await signUp('cron@example.com', '198.51.100.4');
      expect([answer.status, await answer.json()]).toEqual([202, { status: 'queued' }]);
      queuedAfterMs = performance.now() - upAt;
    }, { timeout: 15_000, interval: 200 });
    console.info(`serverless recipe: queued through Redis ${Math.round(queuedAfterMs)} ms after Redis came up (no restart)`);

    await outage('off');
    // Skip the first backoff step (15–30 s) and the outage's probe slot rather than wait them out.
    const stores = createRedisStores({ redis: redis.url });
    for (const entry of await stores.queue.claim({ now: Date.now() + 3_600_000, limit: 10, leaseMs: 1 })) await stores.queue.reschedule(entry.id, entry.lease, { dueAt: 0, attempts: 0 });
    await stores.redis.del('{dotdigital-signup}:budget');
    await stores.close();
    const delivered = await cron('Bearer cron-secret-for-tests');
    expect([delivered.status, await delivered.json()]).toEqual([200, { delivered: 1, dropped: 0, postponed: 0 }]);
    expect(mock.mock.store.contacts.get('cron@example.com')?.consentRecords.at(-1)?.fields).toMatchObject({ URL: `${SITE}/`, IPADDRESS: '198.51.100.4' });
  }, 30_000);

  it('refuses the cron route without the secret, and logs an unset CRON_SECRET once, as an error', async () => {
    expect((await cron()).status).toBe(401);
    expect((await cron('Bearer wrong')).status).toBe(401);
    expect((await cron('Bearer cron-secret-for-tests-and-more')).status).toBe(401);
    const errors = vi.mocked(console.error);
    delete process.env.CRON_SECRET;
    try {
      expect([(await cron('Bearer ')).status, (await cron('Bearer undefined')).status]).toEqual([401, 401]);
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringMatching(/^CRON_SECRET is not set: every delivery run is refused \(401\)/)]);
    } finally {
      process.env.CRON_SECRET = 'cron-secret-for-tests';
    }
  });

  it('with SIGNUP_REDIS_URL unset, loading the module says what is missing (not "Cannot read properties of undefined")', async () => {
    vi.resetModules();
    delete process.env.SIGNUP_REDIS_URL;
    try {
      await expect(load()).rejects.toThrow('createRedisStores: `redis` is required: the redis:// or rediss:// URL of your Redis, or an ioredis client (is SIGNUP_REDIS_URL set where this runs, and where you build?)');
    } finally {
      process.env.SIGNUP_REDIS_URL = redis.url;
    }
  });

  it('the readiness route: 200 while Redis takes writes, 503 naming it while it is down, 200 once it is back', async () => {
    const answer = async () => {
      const response = await routes.readyz.GET();
      return { status: response.status, body: (await response.json()) as { ready: boolean; checks: Record<string, { ok: boolean; problem?: string }> } };
    };
    expect(await answer()).toEqual({ status: 200, body: { ready: true, checks: { redis: { ok: true } } } });
    await redis.stop();
    await expect.poll(async () => (await answer()).status, { timeout: 5_000 }).toBe(503);
    expect((await answer()).body.checks.redis!.problem).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is unreachable: /);
    await redis.restart();
    await expect.poll(async () => (await answer()).status, { timeout: 10_000, interval: 200 }).toBe(200);
  }, 20_000);
});
