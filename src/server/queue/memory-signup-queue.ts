import { createDeadLetterEntries } from './dead-letter-entries.js';
import type { DeadLetterStore } from './dead-letters.js';
import { createQueueEntries } from './queue-entries.js';
import type { ImportLedger } from './import-ledger.js';
import type { QueueCounting } from './queue-counts.js';
import type { SignupQueue } from './signup-queue.js';

/** Default bound of the built-in queues. */
export const DEFAULT_QUEUE_MAX_ENTRIES = 10_000;

/**
 * A signup queue in this process's memory, bounded (default 10 000 entries; over that the
 * proxy answers 503), with its import ledger and dead letters. NOT durable: a restart or
 * redeploy loses what it holds, so use it for development and tests, and
 * `createFileSignupQueue` (Node) or your own store in production.
 *
 * @example
 * const queue = createMemorySignupQueue();
 * const handler = createSignupHandler({ ...options, queue });
 * setInterval(() => void handler.deliverQueued(), 30_000);
 */
export function createMemorySignupQueue(options: { maxEntries?: number } = {}): SignupQueue & ImportLedger & DeadLetterStore & QueueCounting & Required<Pick<SignupQueue, 'renewLeases'>> & { readonly size: number } {
  const entries = createQueueEntries(options.maxEntries ?? DEFAULT_QUEUE_MAX_ENTRIES);
  const dead = createDeadLetterEntries(entries);
  return {
    get size() {
      return entries.size;
    },
    add: async (entry) => entries.add(entry),
    claim: async (request) => entries.claim(request),
    remove: async (id) => void entries.remove(id),
    reschedule: async (id, lease, next) => void entries.reschedule(id, lease, next),
    renewLeases: async ({ entries: held, until }) => entries.renew(held, until),
    beginImport: async (request) => entries.beginImport(request),
    markImport: async (batchId, importId) => {
      if (!entries.markImport(batchId, importId)) throw new Error(`No unfinished import batch ${batchId}: it was finished already, or never begun`);
    },
    unfinishedImports: async () => entries.unfinishedImports(),
    finishImport: async (batchId, now) => void entries.finishImport(batchId, now),
    readEntries: async (ids) => entries.read(ids),
    bury: async (letter) => dead.bury(letter),
    buryOverdue: async ({ now, ...request }) => entries.overdue({ now, ...request }).map((entry) => {
      const letter = { entry, reason: 'expired' as const, diedAt: now };
      dead.bury(letter);
      return letter;
    }),
    deadLetters: async () => dead.all(),
    requeue: async ({ ids, now }) => dead.requeue(ids, now),
    forgetDeadLetters: async (diedBefore) => dead.forget(diedBefore).length,
    counts: async (now) => ({ ...entries.counts(now), deadLetters: dead.size }),
  };
}
