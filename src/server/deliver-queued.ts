import type { DefinitionSnapshot } from './definition-snapshot.js';
import { DotdigitalApiError } from './dotdigital/dotdigital-api-error.js';
import { nextDelivery } from './queue-delivery-options.js';
import type { SignupEngine } from './signup-engine.js';
import { queuedWrite } from './queued-write.js';
import type { ClaimedSignup } from './signup-queue.js';
import { submitSignup } from './submit-signup.js';
import { upstreamErrorKind } from './upstream-error-kind.js';
import { UpstreamGaveUp } from './with-retries.js';

/** What one delivery round did; `postponed` entries were claimed but not tried, or failed and wait. */
export interface DeliveryReport {
  delivered: number;
  dropped: number;
  postponed: number;
}

/** Sends due queued signups; what `handler.deliverQueued` runs. */
export type DeliverQueued = (options?: { limit?: number }) => Promise<DeliveryReport>;

// Refusals about the account's set-up, not the contact: keep the signup until the operator fixes it.
const SETUP_KINDS = new Set(['unauthorized', 'wrong_region']);

/**
 * Makes the delivery round of a handler's queue. Each entry goes through the same path as a
 * live signup: the contact's preferences are read now, so ones the visitor was not shown keep
 * their current value; the consent record is the one captured when the visitor signed up.
 * An entry queued before the proxy had the form definition is checked against it first
 * (see queuedWrite). A refusal of the contact (4xx) drops the entry; Dotdigital still
 * unavailable ends the round and every claimed entry waits for its turn, with growing backoff.
 *
 * @example
 * const deliver = createQueueDeliverer(engine);
 * await deliver({ limit: 50 }); // { delivered: 12, dropped: 0, postponed: 0 }
 */
export function createQueueDeliverer(engine: SignupEngine): DeliverQueued {
  const { options, logger } = engine;
  return async function deliverQueued(request = {}) {
    const report: DeliveryReport = { delivered: 0, dropped: 0, postponed: 0 };
    const queue = options.queue;
    if (!queue) return report;
    const { clock, queueDelivery: delivery } = options;
    const limit = Math.max(1, Math.floor(request.limit ?? delivery.batchSize));
    const claimed = await queue.claim({ now: clock.now(), limit, leaseMs: delivery.leaseMs });
    let snapshot: DefinitionSnapshot | undefined;
    let stop: { error: unknown } | undefined;
    for (const entry of claimed) {
      if (stop) {
        await postpone(entry, stop.error, false);
        continue;
      }
      const ref = logger ? await engine.emailRef(entry.contact.email) : '';
      if (clock.now() - entry.acceptedAt > delivery.maxAgeMs) {
        await queue.remove(entry.id);
        report.dropped++;
        logger?.error('Dropped a queued signup: Dotdigital did not take it within queueDelivery.maxAgeMs', { contact: ref, attempts: entry.attempts, acceptedAt: new Date(entry.acceptedAt).toISOString() });
        continue;
      }
      try {
        snapshot ??= await engine.definition.get();
        const ready = queuedWrite(entry, snapshot);
        if (!ready.ok) {
          await queue.remove(entry.id);
          report.dropped++;
          logger?.error('Dropped a queued signup: it ticks a preference this form does not offer', { contact: ref, preferences: ready.notOffered });
          continue;
        }
        const write = ready.write;
        // Read the contact first unless the visitor saw every preference the account has now.
        const showsAll = snapshot.accountIds.every((id) => write.shown.has(id));
        const deps = { ...engine, addressBookId: entry.addressBookId, ref };
        const outcome = await submitSignup(deps, write, { ...snapshot, showsAll }, clock.now() + options.retry.budgetMs);
        await queue.remove(entry.id);
        report.delivered++;
        logger?.info('Delivered a queued signup', { contact: ref, attempts: entry.attempts + 1, ...(outcome.kind === 'not_subscribed' ? { status: outcome.status } : { pending: outcome.pending }) });
      } catch (error) {
        const kind = error instanceof UpstreamGaveUp ? error.kind : upstreamErrorKind(error);
        if (error instanceof UpstreamGaveUp || SETUP_KINDS.has(kind) || !isApiRefusal(error)) {
          // Dotdigital is still not taking calls (or cannot, until set-up is fixed): stop the round, try all later.
          stop = { error };
          await postpone(entry, error, true);
          logger?.warn('Queued signups wait: Dotdigital is still not taking them', { contact: ref, kind, attempts: entry.attempts + 1 });
          continue;
        }
        if (kind === 'unknown_preference') engine.definition.invalidate();
        await queue.remove(entry.id);
        report.dropped++;
        logger?.error('Dropped a queued signup: Dotdigital refused it', { contact: ref, kind, status: error.status, token: error.token });
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

// A Dotdigital 4xx about this contact, as opposed to a bug or an unknown failure.
function isApiRefusal(error: unknown): error is DotdigitalApiError {
  return error instanceof DotdigitalApiError && error.status >= 400 && error.status < 500;
}
