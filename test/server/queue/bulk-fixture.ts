import { DEMO_API_PASSWORD, DEMO_API_USER, type MockDotdigitalOptions } from '../../../src/mock/index.js';
import type { ImportLedger } from '../../../src/server/queue/import-ledger.js';
import { createMemorySignupQueue, createSignupHandler, type SignupHandlerOptions, type SignupQueue } from '../../../src/server/index.js';
import { captureLogger, CONSENT_TEXT, CONTACT_WRITE, consentFor, fakeClock, HOUR, post, proxyWithMock, status, type Fault } from '../../support/proxy-fixture.js';

/** The queue of a drainer that dies right after `markImport`: the PUT was answered, the import id stored, nothing polled. */
export function diesAfterMark<Q extends SignupQueue & ImportLedger>(queue: Q): Q {
  return Object.assign(Object.create(queue) as Q, {
    async markImport(batchId: string, importId: string) {
      await queue.markImport(batchId, importId);
      throw new Error('killed right after markImport');
    },
  });
}

/** Calls to the import (`PUT`) and its status (`GET`). */
export const IMPORT = /^\/contacts\/v3\/import/;

/**
 * A proxy whose contact writes fail (503) until `recover()`, so signups pile up in its queue;
 * the mock runs on the proxy's fake clock, so an import's processing time passes as the
 * deliverer waits. `calls()` counts upstream calls since the last `mark()`.
 */
export async function backlogProxy<Q extends SignupQueue = ReturnType<typeof createMemorySignupQueue>>(
  options: Partial<SignupHandlerOptions> = {},
  mockOptions: MockDotdigitalOptions = {},
  queue: Q = createMemorySignupQueue() as SignupQueue as Q,
) {
  const clock = fakeClock();
  const logger = captureLogger();
  const settings = { clock, logger, queue, retry: { budgetMs: 2_000 }, ...options, queueDelivery: { importPollMs: 1_000, ...options.queueDelivery } };
  const p = proxyWithMock(settings, { importProcessingMs: 3_000, now: () => new Date(clock.time), ...mockOptions });
  const outage: Fault = { path: CONTACT_WRITE, times: Infinity, answer: status(503) };
  p.faults.push(outage);
  const consent = await consentFor(p.handler);
  let marked = 0;
  const signUp = async (email: string, body: Record<string, unknown> = {}) => {
    const answer = await p.handler(post({ email, preferences: [2], consent, ...body }), { clientAddress: '203.0.113.9' });
    if (answer.status !== 202) throw new Error(`expected the signup to be queued, got ${answer.status}`);
  };
  return {
    ...p, clock, logger, queue, signUp,
    /** Contact writes fail again: new signups are queued. */
    down() {
      outage.times = Infinity;
    },
    /** Dotdigital is back, an hour later: every queued signup is due. */
    recover() {
      outage.times = 0;
      clock.time += HOUR;
      marked = p.upstream.length;
    },
    /** Upstream calls since `recover()`, the form definition's reads left out; `IMPORT` ones alone when asked. */
    calls: (only?: RegExp) => p.upstream.slice(marked).filter((r) => {
      const path = new URL(r.url).pathname;
      return !/\/v2\/(preferences|data-fields)$/.test(path) && (!only || only.test(path));
    }).length,
    /** Another proxy instance on the same queue, Dotdigital and clock. */
    another: (more: Partial<SignupHandlerOptions> = {}) =>
      createSignupHandler({
        apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'https://mock.dotdigital.test', consentText: CONSENT_TEXT, rateLimit: false, humanCheck: 'off', // bulk delivery, not bots
        fetch: p.upstreamFetch as typeof fetch, ...settings, ...more,
      }),
  };
}
