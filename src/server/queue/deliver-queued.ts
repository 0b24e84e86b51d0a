import type { DefinitionSnapshot } from '../definition/definition-snapshot.js';
import { FAILURE_TABLE, failureKind, keepsQueuedSignup } from '../dotdigital/failure-table.js';
import { submitSignup, type SubmitDeps } from '../dotdigital/submit-signup.js';
import type { SignupClock } from '../shared/signup-clock.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import { nextDelivery, type ResolvedQueueDelivery } from './queue-delivery-options.js';
import { queuedWrite } from './queued-write.js';
import type { ClaimedSignup, SignupQueue } from './signup-queue.js';

/** What one delivery round did; `postponed` entries were claimed but not tried, or failed and wait. */
export interface DeliveryReport {
  delivered: number;
  dropped: number;
  postponed: number;
}

/** Sends due queued signups; what `handler.deliverQueued` runs. */
export type DeliverQueued = (options?: { limit?: number }) => Promise<DeliveryReport>;

/** What {@link createQueueDeliverer} needs. */
export interface DelivererDeps {
  queue: SignupQueue | undefined;
  delivery: ResolvedQueueDelivery;
  clock: SignupClock;
  /** How long one entry's calls may take, retries included. */
  budgetMs: number;
  definition: { fresh(): Promise<DefinitionSnapshot>; invalidate(): void };
  submit: Omit<SubmitDeps, 'addressBookId' | 'ref'>;
  emailRef: (email: string) => Promise<string>;
  logger: SignupLogger | undefined;
}

/**
 * Makes the delivery round of a handler's queue. Each entry goes through the same submit step
 * as a live signup, with the consent record captured when the visitor signed up. An entry
 * queued before the proxy had the form definition is checked against it first (see
 * queuedWrite). What a failure does is the failure table's `keepQueued`: Dotdigital still
 * unavailable (or its set-up still wrong) ends the round and every claimed entry waits for its
 * turn, with growing backoff; a refusal of the contact drops the entry.
 *
 * @example
 * const deliver = createQueueDeliverer(deps);
 * await deliver({ limit: 50 }); // { delivered: 12, dropped: 0, postponed: 0 }
 */
export function createQueueDeliverer(deps: DelivererDeps): DeliverQueued {
  const { queue, clock, delivery, logger } = deps;
  return async function deliverQueued(request = {}) {
    const report: DeliveryReport = { delivered: 0, dropped: 0, postponed: 0 };
    if (!queue) return report;
    const limit = Math.max(1, Math.floor(request.limit ?? delivery.batchSize));
    const claimed = await queue.claim({ now: clock.now(), limit, leaseMs: delivery.leaseMs });
    let snapshot: DefinitionSnapshot | undefined;
    let stop: { error: unknown } | undefined;
    const drop = async (entry: ClaimedSignup, why: string, details: Record<string, unknown>) => {
      await queue.remove(entry.id);
      report.dropped++;
      logger?.error(`Dropped a queued signup: ${why}`, details);
    };
    for (const entry of claimed) {
      if (stop) {
        await postpone(entry, stop.error, false);
        continue;
      }
      const ref = logger ? await deps.emailRef(entry.contact.email) : '';
      if (clock.now() - entry.acceptedAt > delivery.maxAgeMs) {
        await drop(entry, 'Dotdigital did not take it within queueDelivery.maxAgeMs', { contact: ref, attempts: entry.attempts, acceptedAt: new Date(entry.acceptedAt).toISOString() });
        continue;
      }
      try {
        snapshot ??= await deps.definition.fresh();
        const ready = queuedWrite(entry, snapshot);
        if (!ready.ok) {
          await drop(entry, 'it ticks a preference this form does not offer', { contact: ref, preferences: ready.notOffered });
          continue;
        }
        const outcome = await submitSignup({ ...deps.submit, addressBookId: entry.addressBookId, ref }, ready.write, snapshot.accountTree, clock.now() + deps.budgetMs);
        await queue.remove(entry.id);
        report.delivered++;
        logger?.info('Delivered a queued signup', { contact: ref, attempts: entry.attempts + 1, ...(outcome.kind === 'not_subscribed' ? { status: outcome.status } : { pending: outcome.pending }) });
      } catch (error) {
        const kind = failureKind(error);
        if (keepsQueuedSignup(error)) {
          // Dotdigital is still not taking calls (or cannot, until set-up is fixed): stop the round, try all later.
          stop = { error };
          await postpone(entry, error, true);
          logger?.warn('Queued signups wait: Dotdigital is still not taking them', { contact: ref, kind, attempts: entry.attempts + 1 });
          continue;
        }
        if (FAILURE_TABLE[kind].refreshDefinition) deps.definition.invalidate();
        const { status, token } = error as { status?: number; token?: string };
        await drop(entry, 'Dotdigital refused it', { contact: ref, kind, status, token });
      }
    }
    return report;

    async function postpone(entry: ClaimedSignup, error: unknown, tried: boolean): Promise<void> {
      const attempts = entry.attempts + (tried ? 1 : 0);
      const retryAfterMs = (error as { retryAfterMs?: number } | undefined)?.retryAfterMs;
      await queue!.reschedule(entry.id, entry.lease, { attempts, dueAt: nextDelivery(clock.now(), attempts, delivery, clock.random, retryAfterMs) });
      report.postponed++;
    }
  };
}
