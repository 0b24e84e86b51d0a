import { describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../../src/mock/index.js';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { createQueueDeliverer, type DelivererDeps } from '../../../src/server/queue/deliver-queued.js';
import { resolveOptions } from '../../../src/server/resolve-options.js';
import { createSignupEngine } from '../../../src/server/signup-engine.js';
import { CONSENT_TEXT, CONTACT_WRITE } from '../../support/proxy-fixture.js';
import { backlogProxy, diesAfterMark, IMPORT } from './bulk-fixture.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

const open: RedisStores[] = [];
const redis = redisServerForFile(open);
let prefixes = 0;
const emails = (n: number) => Array.from({ length: n }, (_, i) => `r${i}@example.com`);

async function redisStores() {
  const stores = createRedisStores({ redis: redis.server.url, prefix: `bulk${++prefixes}`, logger: { warn: () => undefined, error: () => undefined } });
  open.push(stores);
  return stores;
}

describe('bulk delivery with the Redis stores', () => {
  it('delivers a backlog of 200 in one import', async () => {
    const { queue } = await redisStores();
    const p = await backlogProxy({}, {}, queue);
    for (const email of emails(200)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 200, dropped: 0, postponed: 0, imported: 200 });
    expect(p.calls()).toBeLessThanOrEqual(4);
    expect(await queue.size()).toBe(0);
    expect(p.mock.store.contacts.size).toBe(200);
  });

  it('an instance that dies after the PUT: another instance resumes from Redis, nothing lost or sent twice', async () => {
    const a = await redisStores();
    // A second connection to the same queue: the other instance's view of it.
    const shared = createRedisStores({ redis: redis.server.url, prefix: `bulk${prefixes}`, logger: { warn: () => undefined, error: () => undefined } });
    open.push(shared);
    const p = await backlogProxy({}, {}, a.queue);
    for (const email of emails(30)) await p.signUp(email);
    p.recover();
    const dying = p.another({ queue: diesAfterMark(a.queue) });
    await expect(dying.deliverQueued()).rejects.toThrow('killed');
    expect(await shared.queue.unfinishedImports()).toEqual([expect.objectContaining({ importId: expect.any(String) })]);
    const survivor = p.another({ queue: shared.queue });
    expect(await survivor.deliverQueued()).toEqual({ delivered: 30, dropped: 0, postponed: 0, imported: 30 });
    expect(p.mock.store.imports).toHaveLength(1);
    expect(p.calls(CONTACT_WRITE)).toBe(0);
    expect(p.calls(IMPORT)).toBeLessThanOrEqual(4);
    expect(emails(30).map((email) => p.mock.store.contacts.get(email)?.consentRecords.length)).toEqual(Array(30).fill(1));
    expect(await shared.queue.size()).toBe(0);
  });

  it('one drainer across instances: with the Redis drain lock, a round on another instance does nothing while one works', async () => {
    const stores = await redisStores();
    const p = await backlogProxy({}, {}, stores.queue);
    for (const email of emails(20)) await p.signUp(email);
    p.recover();
    // What createSignupHandler builds, with the shared lock a multi-instance set-up passes in.
    const deliverer = () => {
      const engine = createSignupEngine(resolveOptions({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'https://mock.dotdigital.test', consentText: CONSENT_TEXT, fetch: p.upstreamFetch as typeof fetch, clock: p.clock, queue: stores.queue, queueDelivery: { importPollMs: 1_000 } }));
      const { options } = engine;
      return createQueueDeliverer({
        queue: options.queue, delivery: options.queueDelivery, clock: options.clock, budgetMs: options.retry.budgetMs, definition: engine.definition,
        submit: engine.submit as DelivererDeps['submit'], emailRef: engine.emailRef, logger: undefined, metrics: options.metrics, drainLock: stores.drainLock,
      });
    };
    const reports = await Promise.all([deliverer()(), deliverer()()]);
    expect(reports).toContainEqual({ delivered: 20, dropped: 0, postponed: 0, imported: 20 });
    expect(reports).toContainEqual({ delivered: 0, dropped: 0, postponed: 0 });
    expect(p.mock.store.imports).toHaveLength(1);
  });
});
