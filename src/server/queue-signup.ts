import type { ContactWrite } from './build-contact-body.js';
import { nextDelivery } from './queue-delivery-options.js';
import type { SignupEngine } from './signup-engine.js';
import { toQueuedContact, type QueuedSignup } from './signup-queue.js';
import { UpstreamGaveUp } from './with-retries.js';

/**
 * After a live signup failed: stores it for later delivery when a queue is configured and
 * the failure was Dotdigital being unavailable, slow or rate-limited beyond the budget
 * (never a refusal of this contact). True once it is stored; false when the proxy must
 * answer the failure as before — including when the queue refuses, which is logged.
 * `needsDefinitionCheck` marks a signup whose preference ids could not be checked yet,
 * because the form definition itself could not be loaded.
 *
 * @example
 * if (await queueSignup(engine, write, error, ref)) return jsonResponse(202, { status: 'queued' }, headers);
 */
export async function queueSignup(
  engine: SignupEngine,
  write: ContactWrite,
  error: unknown,
  ref: string,
  mark: Pick<QueuedSignup, 'needsDefinitionCheck'> = {},
): Promise<boolean> {
  const { queue } = engine.options;
  if (!queue || !(error instanceof UpstreamGaveUp)) return false;
  const now = engine.options.clock.now();
  const addressBookId = engine.options.addressBookId;
  try {
    await queue.add({
      id: crypto.randomUUID(),
      acceptedAt: now,
      // Not before Dotdigital said it takes calls again, nor before the first backoff step.
      dueAt: nextDelivery(now, 0, engine.options.queueDelivery, engine.options.clock.random, error.retryAfterMs),
      attempts: 0,
      contact: toQueuedContact(write),
      ...(addressBookId !== undefined ? { addressBookId } : {}),
      ...(mark.needsDefinitionCheck ? { needsDefinitionCheck: true } : {}),
    });
  } catch (refused) {
    engine.logger?.error('Could not queue a signup Dotdigital did not take; answered 503 so the visitor can try again', {
      contact: ref,
      kind: error.kind,
      queueError: refused instanceof Error ? refused.message : String(refused),
    });
    return false;
  }
  const what = mark.needsDefinitionCheck ? 'signup queued, its preferences to be checked against the form definition at delivery' : 'signup queued for later delivery';
  engine.logger?.warn(`Dotdigital unavailable: ${what}`, { contact: ref, kind: error.kind, attempts: error.attempts });
  return true;
}
