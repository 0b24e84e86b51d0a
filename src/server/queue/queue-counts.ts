import type { SignupQueue } from './signup-queue.js';

/** What a queue holds at one moment: what `dotdigital-signup status` and the metrics show. */
export interface QueueCounts {
  /** Signups held, those in bulk imports included. */
  queued: number;
  /** Claimable now: due, and held by no deliverer. */
  due: number;
  /** Held by a deliverer now; `undefined` where leases live in another process's memory (a file queue read by `status`). */
  leased: number | undefined;
  /** Parked in bulk imports Dotdigital is processing. */
  inImports: number;
  /** When the longest-waiting signup entered the queue (accepted, or requeued); `undefined` when empty. */
  oldestQueuedAt: number | undefined;
  /** Dead letters kept. */
  deadLetters: number;
}

/**
 * A queue that can count what it holds (the built-in ones can). On Redis this reads every
 * entry's time once, inside Redis: some 20 ms for 10 000 queued signups, 200 ms for 100 000
 * (measured on a busy 2-core machine), once per delivery round and per metrics scrape.
 *
 * @example
 * if (canCount(queue)) console.log((await queue.counts(Date.now())).queued);
 */
export interface QueueCounting {
  counts(now: number): Promise<QueueCounts>;
}

/**
 * Whether a queue can count what it holds.
 *
 * @example
 * const counts = canCount(queue) ? await queue.counts(Date.now()) : undefined;
 */
export function canCount<Q extends SignupQueue>(queue: Q): queue is Q & QueueCounting {
  return typeof (queue as Partial<QueueCounting>).counts === 'function';
}
