import { FAILURE_TABLE, failureKind, keepsQueuedSignup } from '../dotdigital/failure-table.js';
import { submitSignup } from '../dotdigital/submit-signup.js';
import type { DeliveryRound } from './delivery-round.js';
import type { ClaimedSignup } from './signup-queue.js';

/**
 * Sends claimed entries one call each, through the same submit step as a live signup, with the
 * consent record captured when the visitor signed up. What a failure does is the failure
 * table's `keepQueued`: Dotdigital still unavailable (or its set-up still wrong) ends the round
 * and every entry left waits for its turn, with growing backoff; a refusal moves the entry to
 * the dead letters, or drops it when the reason is the visitor's (the row's `deadLetter`).
 * Entries past `limit` wait for the next round, untried. An entry in `repairs` (an import
 * applied it without its consent record) is written even when it adds nothing else.
 *
 * @example
 * await deliverSingly(round, claimed, 100, () => lock.extend(token, ttlMs));
 */
export async function deliverSingly(round: DeliveryRound, entries: ClaimedSignup[], limit: number, keepLock: () => Promise<boolean>, repairs: ReadonlySet<string> = new Set()): Promise<void> {
  const { deps } = round;
  const { logger, clock } = deps;
  let stop: { error: unknown } | undefined;
  for (const [index, entry] of entries.entries()) {
    if (stop || index >= limit || !(await keepLock())) {
      // Not tried: waits for a later round (the lock lost: for the drainer holding it now).
      await round.postpone(entry, stop?.error, false);
      continue;
    }
    const ref = await round.ref(entry.contact.email);
    try {
      const write = await round.ready(entry);
      if (!write) continue;
      const snapshot = await round.snapshot();
      const outcome = await submitSignup({ ...deps.submit, addressBookId: entry.addressBookId, ref }, write, snapshot.accountTree, clock.now() + deps.budgetMs, { storeConsent: repairs.has(entry.id) });
      await round.delivered(entry, 'single');
      logger?.info('Delivered a queued signup', { contact: ref, attempts: entry.attempts + 1, outcome: outcome.kind, ...('status' in outcome ? { status: outcome.status } : { pending: outcome.pending }) });
    } catch (error) {
      const kind = failureKind(error);
      if (keepsQueuedSignup(error)) {
        // Dotdigital is still not taking calls (or cannot, until set-up is fixed): stop the round, try all later.
        stop = { error };
        await round.postpone(entry, error, true);
        logger?.warn('Queued signups wait: Dotdigital is still not taking them', { contact: ref, kind, attempts: entry.attempts + 1 });
        continue;
      }
      if (FAILURE_TABLE[kind].refreshDefinition) deps.definition.invalidate();
      const { status, token } = error as { status?: number; token?: string };
      await round.refuse(entry, kind, `Dotdigital refused it (${kind})`, { contact: ref, kind, status, token });
    }
  }
}
