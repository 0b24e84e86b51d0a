import { metrics, type MeterProvider } from '@opentelemetry/api';

/** Which way a signup reached Dotdigital: a visitor's own request, or from the queue one call each or in a bulk import. */
export type DeliveryPath = 'live' | 'single' | 'import';

/**
 * What the proxy counts, through the OpenTelemetry API: nothing happens until an application
 * registers an SDK (or passes `meterProvider`). Every name starts `dotdigital_signup`; README
 * ("Operate it") lists them with their Prometheus names.
 */
export interface SignupMetrics {
  /** A POST answered: `subscribed`, `pending_confirmation`, `queued`, or `error` with its code. */
  signup(outcome: { status: string; code?: string }): void;
  /** A signup Dotdigital took; `waitedMs`: how long one from the queue waited since it was queued. */
  delivered(path: DeliveryPath, waitedMs?: number): void;
  /** A queued signup dropped for the visitor's own reason (an invalid address, one who left). */
  dropped(reason: string): void;
  /** A queued signup moved to the dead letters. */
  deadLettered(reason: string): void;
  /** A call Dotdigital answered (`status`: its HTTP status) or did not (`timeout`, `unreachable`), and how long it took. */
  apiCall(status: string, ms: number): void;
  /** A call the shared call budget held back (`rate-limited`, `unavailable`): never sent. */
  heldBack(reason: string): void;
  /** The meter, for the queue's gauges. */
  readonly meter: ReturnType<MeterProvider['getMeter']>;
}

// Queue waits run from seconds to days (the default age limit is 72 h); calls from milliseconds to the timeout.
const WAIT_BUCKETS = [1, 10, 60, 300, 900, 3_600, 4 * 3_600, 12 * 3_600, 86_400, 3 * 86_400];
const CALL_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The handler's instruments, from `provider` (default: the globally registered one, a no-op
 * until an application registers an SDK, so register it before creating the handler).
 *
 * @example
 * const signupMetrics = createSignupMetrics();
 * signupMetrics.signup({ status: 'queued' }); // dotdigital_signup_signups_total{status="queued"}
 */
export function createSignupMetrics(provider: MeterProvider = metrics.getMeterProvider()): SignupMetrics {
  const meter = provider.getMeter('dotdigital-signup');
  const signups = meter.createCounter('dotdigital_signup.signups', { description: 'Signups answered, by outcome (status; code when it is an error)' });
  const deliveries = meter.createCounter('dotdigital_signup.deliveries', { description: 'Signups Dotdigital took, by path: live, single (from the queue, one call), import (from the queue, bulk)' });
  const waited = meter.createHistogram('dotdigital_signup.queue.age_at_delivery_seconds', { unit: 's', description: 'How long a queued signup waited before Dotdigital took it', advice: { explicitBucketBoundaries: WAIT_BUCKETS } });
  const dropped = meter.createCounter('dotdigital_signup.dropped', { description: 'Queued signups dropped for the visitor\'s own reason, by reason' });
  const deadLettered = meter.createCounter('dotdigital_signup.dead_lettered', { description: 'Queued signups moved to the dead letters, by reason' });
  const calls = meter.createCounter('dotdigital_signup.api.calls', { description: 'Calls to Dotdigital, by status (HTTP status, timeout or unreachable); 429s are status="429"' });
  const duration = meter.createHistogram('dotdigital_signup.api.duration_seconds', { unit: 's', description: 'How long calls to Dotdigital took, by status', advice: { explicitBucketBoundaries: CALL_BUCKETS } });
  const heldBack = meter.createCounter('dotdigital_signup.api.held_back', { description: 'Calls to Dotdigital the shared call budget held back (never sent), by reason' });
  return {
    meter,
    signup: ({ status, code }) => signups.add(1, code === undefined ? { status } : { status, code }),
    delivered(path, waitedMs) {
      deliveries.add(1, { path });
      if (waitedMs !== undefined) waited.record(Math.max(0, waitedMs) / 1000, { path });
    },
    dropped: (reason) => dropped.add(1, { reason }),
    deadLettered: (reason) => deadLettered.add(1, { reason }),
    apiCall(status, ms) {
      calls.add(1, { status });
      duration.record(ms / 1000, { status });
    },
    heldBack: (reason) => heldBack.add(1, { reason }),
  };
}
