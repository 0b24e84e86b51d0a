import type { ContactWrite } from '../dotdigital/build-contact-body.js';
import { FAILURE_TABLE, failureKind } from '../dotdigital/failure-table.js';
import { UpstreamGaveUp } from '../dotdigital/upstream-gave-up.js';
import type { SignupClock } from '../shared/signup-clock.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import { retryAfterFailure, type ResolvedQueueDelivery } from './queue-delivery-options.js';
import { toQueuedContact, type QueuedSignup, type SignupQueue } from './signup-queue.js';

/** Stores a live signup that failed; true once stored (see {@link createSignupEnqueuer}). */
export type EnqueueSignup = (write: ContactWrite, error: unknown, ref: string, mark?: Pick<QueuedSignup, 'needsDefinitionCheck'>) => Promise<boolean>;

/** What {@link createSignupEnqueuer} needs. */
export interface EnqueueDeps {
  queue: SignupQueue | undefined;
  delivery: ResolvedQueueDelivery;
  clock: Pick<SignupClock, 'now' | 'random'>;
  addressBookId: number | undefined;
  logger: SignupLogger | undefined;
}

/**
 * After a live signup failed: stores it for later delivery when a queue is configured and
 * the failure table says such a failure queues a live signup (Dotdigital unavailable, slow or
 * rate-limited beyond the budget; never a refusal of this contact). True once it is stored;
 * false when the proxy must answer the failure as before — including when the queue refuses,
 * which is logged. `needsDefinitionCheck` marks a signup whose preference ids could not be
 * checked yet, because the form definition itself could not be loaded.
 *
 * @example
 * const enqueue = createSignupEnqueuer({ queue, delivery, clock, addressBookId, logger });
 * if (await enqueue(write, error, ref)) return jsonResponse(202, { status: 'queued' }, headers);
 */
export function createSignupEnqueuer(deps: EnqueueDeps): EnqueueSignup {
  const { queue, clock, addressBookId, logger } = deps;
  return async (write, error, ref, mark = {}) => {
    const kind = failureKind(error);
    if (!queue || !FAILURE_TABLE[kind].queueLive) return false;
    const now = clock.now();
    const attempts = error instanceof UpstreamGaveUp ? error.attempts : undefined;
    try {
      await queue.add({
        id: crypto.randomUUID(),
        acceptedAt: now,
        // Not before Dotdigital said it takes calls again, nor before the first backoff step
        // (a signup the budget held back: just when the budget says).
        dueAt: retryAfterFailure(error, now, 0, deps.delivery, clock.random).dueAt,
        attempts: 0,
        contact: toQueuedContact(write),
        ...(addressBookId !== undefined ? { addressBookId } : {}),
        ...(mark.needsDefinitionCheck ? { needsDefinitionCheck: true } : {}),
      });
    } catch (refused) {
      logger?.error('Could not queue a signup Dotdigital did not take; answered 503 so the visitor can try again', {
        contact: ref,
        kind,
        queueError: refused instanceof Error ? refused.message : String(refused),
      });
      return false;
    }
    const what = mark.needsDefinitionCheck ? 'signup queued, its preferences to be checked against the form definition at delivery' : 'signup queued for later delivery';
    logger?.warn(`Dotdigital unavailable: ${what}`, { contact: ref, kind, attempts });
    return true;
  };
}
