import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { createRedisStores } from '../../src/server/stores/redis/index.js';
import { startRedisServer, type TestRedisServer } from '../support/redis-server.js';

// README "Deploy", Next.js on a serverless host: the signup route queues into Redis while
// Dotdigital is down, and the cron route (behind CRON_SECRET) delivers. The files under
// adapters/next-serverless/ are README's snippets; the first test keeps them the same.
const SITE = 'https://www.example.com';
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const recipe = (name: string) => readFileSync(new URL(`./adapters/next-serverless/${name}`, import.meta.url), 'utf8');
let mock: Awaited<ReturnType<typeof listenMock>>;
let redis: TestRedisServer;
let routes: { signup: typeof import('./adapters/next-serverless/route.js'); deliver: typeof import('./adapters/next-serverless/deliver-route.js'); readyz: typeof import('./adapters/next-serverless/readyz-route.js') };

beforeAll(async () => {
  [mock, redis] = await Promise.all([listenMock(), startRedisServer()]);
  Object.assign(process.env, { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url, SIGNUP_REDIS_URL: redis.url, CRON_SECRET: 'cron-secret-for-tests' });
  routes = { signup: await import('./adapters/next-serverless/route.js'), deliver: await import('./adapters/next-serverless/deliver-route.js'), readyz: await import('./adapters/next-serverless/readyz-route.js') };
});
afterAll(async () => {
  for (const name of ['DOTDIGITAL_API_USER', 'DOTDIGITAL_API_PASSWORD', 'DOTDIGITAL_API_URL', 'SIGNUP_REDIS_URL', 'CRON_SECRET']) delete process.env[name];
  await Promise.all([mock.close(), redis.close()]);
});

const outage = (state: 'on' | 'off') => fetch(`${mock.url}/_mock/outage`, { method: 'POST', body: new URLSearchParams({ state }), redirect: 'manual' });
const cron = (authorization?: string) => routes.deliver.GET(new Request(`${SITE}/api/signup/deliver`, authorization ? { headers: { authorization } } : {}));

describe('README recipe: Next.js on a serverless host (Redis + cron)', () => {
  it('README shows these files, line for line (imports aside)', () => {
    for (const name of ['signup-handler.ts', 'route.ts', 'deliver-route.ts', 'readyz-route.ts']) {
      const lines = recipe(name).split('\n').filter((line) => line.trim() && !line.startsWith('//') && !line.startsWith('import') && !line.includes('DOTDIGITAL_API_URL'));
      expect(lines.filter((line) => !readme.includes(line)), `${name} lines README lacks`).toEqual([]);
    }
  });

  it('queues during an outage, refuses the cron route without the secret, and delivers with it', async () => {
    const definition = await routes.signup.GET(new Request(`${SITE}/api/signup`, { headers: { origin: SITE } }));
    const { consent } = (await definition.json()) as { consent: { text: string; version: string } };
    await outage('on');
    const body = JSON.stringify({ email: 'cron@example.com', consent: { ...consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` } });
    const headers = { 'content-type': 'application/json', origin: SITE, 'x-forwarded-for': '198.51.100.4' };
    const answer = await routes.signup.POST(new Request(`${SITE}/api/signup`, { method: 'POST', headers, body }));
    expect([answer.status, await answer.json()]).toEqual([202, { status: 'queued' }]);
    await outage('off');
    expect((await cron()).status).toBe(401);
    expect((await cron('Bearer wrong')).status).toBe(401);
    // Skip the first backoff step (15–30 s) and the outage's probe slot rather than wait them out.
    const stores = await createRedisStores({ redis: redis.url });
    for (const entry of await stores.queue.claim({ now: Date.now() + 3_600_000, limit: 10, leaseMs: 1 })) await stores.queue.reschedule(entry.id, entry.lease, { dueAt: 0, attempts: 0 });
    await stores.redis.del('{dotdigital-signup}:budget');
    await stores.close();
    const delivered = await cron('Bearer cron-secret-for-tests');
    expect([delivered.status, await delivered.json()]).toEqual([200, { delivered: 1, dropped: 0, postponed: 0 }]);
    expect(mock.mock.store.contacts.get('cron@example.com')?.consentRecords.at(-1)?.fields).toMatchObject({ URL: `${SITE}/`, IPADDRESS: '198.51.100.4' });
  });

  it('the readiness route: 200 while Redis takes writes, 503 naming it while it is down, 200 once it is back', async () => {
    const answer = async () => {
      const response = await routes.readyz.GET();
      return { status: response.status, body: (await response.json()) as { ready: boolean; checks: Record<string, { ok: boolean; problem?: string }> } };
    };
    expect(await answer()).toEqual({ status: 200, body: { ready: true, checks: { redis: { ok: true } } } });
    await redis.stop();
    await expect.poll(async () => (await answer()).status, { timeout: 5_000 }).toBe(503);
    expect((await answer()).body.checks.redis!.problem).toMatch(/^Redis at 127\.0\.0\.1:\d+ is not reachable/);
    await redis.restart();
    await expect.poll(async () => (await answer()).status, { timeout: 10_000, interval: 200 }).toBe(200);
  }, 20_000);
});
