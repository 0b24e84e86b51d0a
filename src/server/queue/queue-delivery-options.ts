import { FAILURE_TABLE, failureKind, failureRetryAfterMs } from '../dotdigital/failure-table.js';

/** How queued signups are retried (option `queueDelivery` of `createSignupHandler`). */
export interface QueueDeliveryOptions {
  /**
   * A signup not delivered this long after the visitor sent it (or after an operator requeued it)
   * moves to the dead letters, and is logged. Default 72 h.
   */
  maxAgeMs?: number;
  /** How long a dead letter is kept before it is deleted: it holds personal data. Default 30 days. */
  deadLetterRetentionMs?: number;
  /** A delivery round warns when the oldest queued signup has waited longer than this (again at most this often). Default 1 h. */
  backlogWarnMs?: number;
  /** Wait before the first delivery attempt; doubles per failed attempt, with jitter. Default 30 000 ms. */
  baseDelayMs?: number;
  /** Longest wait between attempts. Default 30 min. */
  maxDelayMs?: number;
  /**
   * How long the drain lock and a deliverer's claims last without its heartbeat (it renews them
   * every quarter of this while it works, however long an import takes): how soon another
   * instance takes over the work of one that died. Default 20 000 ms.
   */
  leaseMs?: number;
  /** Entries one `deliverQueued()` call sends one call each when it is given no `limit`. Default 100. */
  batchSize?: number;
  /**
   * A round that finds at least this many due signups delivers them through Dotdigital's bulk
   * import (`PUT /contacts/v3/import`, thousands a call) instead of one call each. Default 20.
   * Needs a queue with an import ledger (the built-in ones have it).
   */
  bulkThreshold?: number;
  /** Most signups in one import. Default 2 000 (what Dotdigital's own Magento integration sends). */
  importBatchSize?: number;
  /** First wait before asking whether an import has finished; doubles per answer "not yet", up to 60 s. Default 5 000 ms. */
  importPollMs?: number;
  /** How long one round waits for its imports; unfinished ones are polled by the next round. Default 60 000 ms. */
  importWaitMs?: number;
  /**
   * `true` only if your account's imports send the double opt-in confirmation email (an account
   * that enforces double opt-in "for all signups, including bulk uploads"). Default `false`:
   * double opt-in signups keep the single call, which always sends it (README, "Bulk delivery").
   */
  doubleOptInImports?: boolean;
}

export type ResolvedQueueDelivery = Required<QueueDeliveryOptions>;

const DEFAULTS: ResolvedQueueDelivery = {
  maxAgeMs: 72 * 3_600_000, deadLetterRetentionMs: 30 * 86_400_000, backlogWarnMs: 3_600_000, baseDelayMs: 30_000, maxDelayMs: 30 * 60_000, leaseMs: 20_000, batchSize: 100,
  bulkThreshold: 20, importBatchSize: 2_000, importPollMs: 5_000, importWaitMs: 60_000, doubleOptInImports: false,
};

/**
 * Fills in and checks {@link QueueDeliveryOptions}; `fail` reports a bad value the way
 * the handler's other options do.
 *
 * @example
 * resolveQueueDelivery({ maxAgeMs: 24 * 3_600_000 }, fail).baseDelayMs; // 30000
 */
export function resolveQueueDelivery(options: QueueDeliveryOptions | undefined, fail: (problem: string) => never): ResolvedQueueDelivery {
  const resolved = { ...DEFAULTS, ...options };
  for (const [key, value] of Object.entries(resolved)) {
    if (key === 'doubleOptInImports') {
      if (typeof value !== 'boolean') fail('`queueDelivery.doubleOptInImports` must be true or false');
    } else if (!(Number.isFinite(value) && (value as number) >= 1)) fail(`\`queueDelivery.${key}\` must be a number ≥ 1`);
  }
  return resolved;
}

/**
 * When to try a queued signup again after `attempts` failed deliveries: exponential backoff
 * with jitter (half fixed, half random, so entries queued together spread out), never
 * before Dotdigital's own Retry-After.
 *
 * @example
 * nextDelivery(now, 3, delivery, Math.random, undefined); // now + 120–240 s with the defaults
 */
function nextDelivery(now: number, attempts: number, delivery: ResolvedQueueDelivery, random: () => number, retryAfterMs: number | undefined): number {
  const step = Math.min(delivery.maxDelayMs, delivery.baseDelayMs * 2 ** Math.min(attempts, 30));
  return now + Math.max(retryAfterMs ?? 0, step / 2 + random() * (step / 2));
}

/**
 * When a queued signup that failed with `error` comes due again, and whether that counts as an
 * attempt: one the call budget held back was never sent, so it waits exactly as long as the
 * budget says (every such signup comes due together and a backlog goes out as one import), with
 * no attempt counted; any other failure backs off as {@link nextDelivery} says.
 *
 * @example
 * const { dueAt, counts } = retryAfterFailure(error, now, entry.attempts + 1, delivery, Math.random);
 */
export function retryAfterFailure(error: unknown, now: number, attempts: number, delivery: ResolvedQueueDelivery, random: () => number): { dueAt: number; counts: boolean } {
  const retryAfterMs = failureRetryAfterMs(error);
  if (FAILURE_TABLE[failureKind(error)].notSent && retryAfterMs !== undefined) return { dueAt: now + retryAfterMs, counts: false };
  return { dueAt: nextDelivery(now, attempts, delivery, random, retryAfterMs), counts: true };
}
