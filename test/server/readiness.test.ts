import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemorySignupQueue } from '../../src/server/index.js';
import { createFileSignupQueue, listenSignup } from '../../src/server/node/index.js';
import { checkReadiness } from '../../src/server/shared/check-readiness.js';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { proxyWithMock } from '../support/proxy-fixture.js';

// Issue 23: readiness is what the stores say now; `listenSignup` (and so `serve`) answers it on
// /readyz and /healthz before the signup endpoint, which answers every other path.
describe('handler.readiness()', () => {
  it('is ready with nothing to ask (memory stores always work)', async () => {
    expect(await proxyWithMock().handler.readiness()).toEqual({ ready: true, checks: {} });
    expect(await proxyWithMock({ queue: createMemorySignupQueue() }).handler.readiness()).toEqual({ ready: true, checks: {} });
  });

  it('names a store that says it cannot work now, asking a shared check once', async () => {
    let asked = 0;
    const down = { readyName: 'sharedStore', ready: async () => { asked++; throw new Error('Store at 10.0.0.5 is not reachable'); } };
    const queue = { ...createMemorySignupQueue(), ...down };
    const budget = { mayCall: async () => ({ allowed: true as const, probe: false }), record: async () => undefined, ...down };
    expect(await proxyWithMock({ stores: { queue, budget } }).handler.readiness()).toEqual({ ready: false, checks: { sharedStore: { ok: false, problem: 'Store at 10.0.0.5 is not reachable' } } });
    expect(asked).toBe(1);
  });

  it('gives up on a store that does not answer, saying so', async () => {
    const hung = { ready: () => new Promise<void>(() => undefined) };
    expect(await checkReadiness({ queue: hung, budget: { ready: async () => undefined } }, 50)).toEqual({
      ready: false, checks: { queue: { ok: false, problem: 'no answer within 50 ms' }, budget: { ok: true } },
    });
  });

  it('a file queue: ready while open, not once closed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'readiness-'));
    try {
      const queue = await createFileSignupQueue({ path: join(dir, 'queue.jsonl') });
      const { handler } = proxyWithMock({ queue });
      expect(await handler.readiness()).toEqual({ ready: true, checks: { queueFile: { ok: true } } });
      await queue.close();
      expect(await handler.readiness()).toEqual({ ready: false, checks: { queueFile: { ok: false, problem: `The signup queue file ${join(dir, 'queue.jsonl')} is closed` } } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('listenSignup probes', () => {
  it('answers /healthz and /readyz (GET, HEAD, with a query), never cached; every other path and method is the signup endpoint', async () => {
    const mock = await listenMock();
    const failing = { ...createMemorySignupQueue(), ready: async () => Promise.reject(new Error('the disk is full')) };
    const proxy = await listenSignup({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: mock.url, consentText: 'Yes.', logger: false, queue: failing }, { host: '127.0.0.1', deliverEveryMs: 3_600_000 });
    try {
      const health = await fetch(`${proxy.url}/healthz`);
      expect([health.status, health.headers.get('cache-control'), await health.json()]).toEqual([200, 'no-store', { status: 'ok' }]);
      const ready = await fetch(`${proxy.url}/readyz?verbose=1`);
      expect([ready.status, await ready.json()]).toEqual([503, { ready: false, checks: { queue: { ok: false, problem: 'the disk is full' } } }]);
      const head = await fetch(`${proxy.url}/readyz`, { method: 'HEAD' });
      expect([head.status, await head.text()]).toEqual([503, '']);
      expect((await fetch(`${proxy.url}/healthz`, { method: 'POST' })).status).toBe(415); // a signup POST, without a JSON body
      const definition = (await (await fetch(`${proxy.url}/api/signup`)).json()) as { consent: { text: string } };
      expect(definition.consent.text).toBe('Yes.');
    } finally {
      await proxy.close();
      await mock.close();
    }
  });
});
