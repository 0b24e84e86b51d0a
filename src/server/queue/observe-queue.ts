import type { Meter } from '@opentelemetry/api';
import type { QueueCounting } from './queue-counts.js';

/**
 * The queue's gauges, read from `queue.counts()` once per collection (a Prometheus scrape):
 * `dotdigital_signup_queued`, `_queue_due`, `_queue_leased`, `_queue_in_imports`,
 * `_queue_oldest_age_seconds` and `_dead_letters`. Several instances on one Redis each report
 * the same shared numbers. A store that cannot answer (Redis lost) reports nothing that time.
 *
 * @example
 * observeQueue(metrics.meter, queue, () => Date.now());
 */
export function observeQueue(meter: Meter, queue: QueueCounting, now: () => number): void {
  const gauge = (name: string, description: string, unit?: string) => meter.createObservableGauge(`dotdigital_signup.${name}`, { description, ...(unit ? { unit } : {}) });
  const queued = gauge('queued', 'Signups waiting to be delivered, those in bulk imports included');
  const due = gauge('queue.due', 'Queued signups due now and held by no deliverer');
  const leased = gauge('queue.leased', 'Queued signups a deliverer holds now');
  const inImports = gauge('queue.in_imports', 'Queued signups in bulk imports Dotdigital is processing');
  const oldest = gauge('queue.oldest_age_seconds', 'How long the longest-waiting queued signup has waited (since queued or requeued)', 's');
  const dead = gauge('dead_letters', 'Dead letters kept (undelivered for a reason not the visitor\'s; `dotdigital-signup requeue` puts them back)');
  meter.addBatchObservableCallback(async (result) => {
    const at = now();
    const counts = await queue.counts(at).catch(() => undefined);
    if (!counts) return;
    result.observe(queued, counts.queued);
    result.observe(due, counts.due);
    if (counts.leased !== undefined) result.observe(leased, counts.leased);
    result.observe(inImports, counts.inImports);
    result.observe(oldest, counts.oldestQueuedAt === undefined ? 0 : Math.max(0, at - counts.oldestQueuedAt) / 1000);
    result.observe(dead, counts.deadLetters);
  }, [queued, due, leased, inImports, oldest, dead]);
}
