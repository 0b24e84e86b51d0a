import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { createRedisStores, type RedisStores } from '../../src/server/stores/redis/index.js';
import { runCli, stopClis } from '../support/run-cli.js';
import { mockOutage, signUpOverHttp } from '../support/sign-up-over-http.js';
import { freePort, startRedisServer, type TestRedisServer } from '../support/redis-server.js';

// `dotdigital-signup serve` and `worker` with SIGNUP_REDIS_URL, run from the build.
const SITE = 'https://www.example.com';
let mock: Awaited<ReturnType<typeof listenMock>>;
let redis: TestRedisServer;
let stores: RedisStores;
beforeAll(async () => {
  [mock, redis] = await Promise.all([listenMock(), startRedisServer()]);
  stores = createRedisStores({ redis: redis.url, logger: { warn: () => undefined, error: () => undefined } });
});
afterAll(async () => {
  await stores.close();
  await Promise.all([mock.close(), redis.close()]);
});
afterEach(stopClis);

const env = (more: Record<string, string>) => ({ DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url, SIGNUP_ALLOWED_ORIGINS: SITE, ...more });
const outage = (state: 'on' | 'off') => mockOutage(mock.url, state);
const signUp = (base: string, email: string) => signUpOverHttp(base, email, SITE);

describe('SIGNUP_REDIS_URL', () => {
  it('serve starts with Redis unreachable, and says so naming SIGNUP_REDIS_URL, without the password', async () => {
    const proxy = runCli(['serve', '--port', '0', '--host', '127.0.0.1'], env({ SIGNUP_REDIS_URL: `redis://:hunter2@127.0.0.1:${await freePort()}` }));
    expect(await proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(proxy.stderr()).toMatch(/"Redis at redis:\/\/:\*\*\*\*@127\.0\.0\.1:\d+ is unreachable: connection refused \(ECONNREFUSED\).*Check SIGNUP_REDIS_URL/);
    expect(proxy.output()).not.toContain('hunter2');
  });

  it('refuses SIGNUP_QUEUE_FILE and SIGNUP_REDIS_URL together', async () => {
    const proxy = runCli(['serve', '--port', '0'], env({ SIGNUP_REDIS_URL: redis.url, SIGNUP_QUEUE_FILE: '/tmp/never.jsonl' }));
    expect((await once(proxy.child, 'exit'))[0]).toBe(1);
    expect(proxy.stderr()).toContain('Set SIGNUP_REDIS_URL or SIGNUP_QUEUE_FILE, not both');
  });

  it('worker exits 1 without a queue to deliver from', async () => {
    const worker = runCli(['worker'], env({}));
    expect((await once(worker.child, 'exit'))[0]).toBe(1);
    expect(worker.stderr()).toContain('worker needs a queue to deliver from: set SIGNUP_REDIS_URL');
  });

  it('serve queues into Redis while Dotdigital is down, the second visitor without waiting; a worker delivers them', async () => {
    const proxy = runCli(['serve', '--port', '0', '--host', '127.0.0.1'], env({ SIGNUP_REDIS_URL: redis.url, SIGNUP_QUEUE_INTERVAL_SECONDS: '3600' }));
    const base = await proxy.url;
    expect(proxy.output()).toMatch(/queueing signups in Redis at redis:\/\/127\.0\.0\.1:\d+ /);
    await fetch(base); // the definition is cached before the outage
    await outage('on');
    const first = await signUp(base, 'first@example.com');
    const callsBefore = mock.mock.store.requests.length;
    const second = await signUp(base, 'second@example.com');
    expect([first.status, first.body, second.status, second.body]).toEqual([202, { status: 'queued' }, 202, { status: 'queued' }]);
    // Dotdigital is known down: the second visitor's signup is queued at once, no retry budget spent
    // on it (at most the budget's one probe call, never the retries of an unknown outage).
    expect(mock.mock.store.requests.length - callsBefore).toBeLessThanOrEqual(1);
    expect(await stores.queue.size()).toBe(2);
    // Make them due now (the first attempt waits a backoff step), then let the outage end.
    for (const entry of await stores.queue.claim({ now: Date.now() + 3_600_000, limit: 10, leaseMs: 1 })) await stores.queue.reschedule(entry.id, entry.lease, { dueAt: 0, attempts: 0 });
    await outage('off');
    await stores.redis.del('{dotdigital-signup}:budget'); // forget the outage rather than wait for the next probe slot
    const worker = runCli(['worker'], env({ SIGNUP_REDIS_URL: redis.url, SIGNUP_QUEUE_INTERVAL_SECONDS: '0.2' }));
    await expect.poll(() => worker.output(), { timeout: 5_000 }).toContain('Signup queue worker delivering from Redis');
    await expect.poll(() => mock.mock.store.contacts.get('second@example.com')?.consentRecords.at(-1)?.fields, { timeout: 10_000 }).toMatchObject({ URL: `${SITE}/`, IPADDRESS: '127.0.0.1' });
    expect(mock.mock.store.contacts.has('first@example.com')).toBe(true);
    await expect.poll(() => stores.queue.size(), { timeout: 5_000 }).toBe(0);
    worker.child.kill('SIGTERM');
    expect((await once(worker.child, 'exit'))[0]).toBe(0);
  }, 30_000);
});
