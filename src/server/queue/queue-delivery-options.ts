/** How queued signups are retried (option `queueDelivery` of `createSignupHandler`). */
export interface QueueDeliveryOptions {
  /** A signup not delivered this long after the visitor sent it is dropped (and logged). Default 72 h. */
  maxAgeMs?: number;
  /** Wait before the first delivery attempt; doubles per failed attempt, with jitter. Default 30 000 ms. */
  baseDelayMs?: number;
  /** Longest wait between attempts. Default 30 min. */
  maxDelayMs?: number;
  /** How long a deliverer holds the entries it claimed before another may take them. Default 10 min. */
  leaseMs?: number;
  /** Entries one `deliverQueued()` call claims when it is given no `limit`. Default 100. */
  batchSize?: number;
}

export type ResolvedQueueDelivery = Required<QueueDeliveryOptions>;

const DEFAULTS: ResolvedQueueDelivery = { maxAgeMs: 72 * 3_600_000, baseDelayMs: 30_000, maxDelayMs: 30 * 60_000, leaseMs: 10 * 60_000, batchSize: 100 };

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
    if (!(Number.isFinite(value) && value >= 1)) fail(`\`queueDelivery.${key}\` must be a number ≥ 1`);
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
export function nextDelivery(now: number, attempts: number, delivery: ResolvedQueueDelivery, random: () => number, retryAfterMs: number | undefined): number {
  const step = Math.min(delivery.maxDelayMs, delivery.baseDelayMs * 2 ** Math.min(attempts, 30));
  return now + Math.max(retryAfterMs ?? 0, step / 2 + random() * (step / 2));
}
