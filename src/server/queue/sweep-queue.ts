import type { SignupLogger } from '../shared/signup-logger.js';
import { hasDeadLetters } from './dead-letters.js';
import { EXPIRED, expiredDetails, type DeliveryRound } from './delivery-round.js';
import { canCount } from './queue-counts.js';

// A round buries at most this many: bounded work under the lock; the next round takes the rest.
const SWEEP_LIMIT = 1_000;

/**
 * A round's first step, under the drain lock: entries past their age limit that no deliverer
 * holds move to the dead letters now, rather than when their turn comes (a backoff step can be
 * 30 minutes), and dead letters past their retention are deleted (they hold personal data).
 *
 * @example
 * await sweepQueue(round);
 */
export async function sweepQueue(round: DeliveryRound): Promise<void> {
  const { queue } = round;
  const { clock, delivery, logger } = round.deps;
  if (!hasDeadLetters(queue)) return;
  const now = clock.now();
  for (const letter of await queue.buryOverdue({ queuedBefore: now - delivery.maxAgeMs, now, limit: SWEEP_LIMIT })) {
    round.buried(letter.entry.id, 'expired', EXPIRED, await expiredDetails(round, letter.entry));
  }
  const forgotten = await queue.forgetDeadLetters(now - delivery.deadLetterRetentionMs);
  if (forgotten > 0) logger?.info('Deleted dead letters past their retention (queueDelivery.deadLetterRetentionMs, SIGNUP_DEAD_LETTER_DAYS): they hold personal data', { count: forgotten });
}

/** When the backlog warning was last given; kept by the deliverer across rounds. */
export interface BacklogWatch {
  warnedAt?: number;
}

/**
 * A round's last step: warns when the oldest queued signup has waited longer than
 * `backlogWarnMs` (again at most that often while it lasts), and says when the backlog is back
 * under it. A queue that cannot count what it holds is not watched.
 *
 * @example
 * await watchBacklog(round, watch);
 */
export async function watchBacklog(round: DeliveryRound, watch: BacklogWatch): Promise<void> {
  const { queue } = round;
  const { clock, delivery, logger } = round.deps;
  if (!logger || !canCount(queue)) return;
  const now = clock.now();
  const counts = await queue.counts(now);
  const waitedMs = counts.oldestQueuedAt === undefined ? 0 : now - counts.oldestQueuedAt;
  if (waitedMs <= delivery.backlogWarnMs) {
    if (watch.warnedAt !== undefined) logger.info('The signup backlog is back under queueDelivery.backlogWarnMs', { queued: counts.queued });
    watch.warnedAt = undefined;
    return;
  }
  if (watch.warnedAt !== undefined && now - watch.warnedAt < delivery.backlogWarnMs) return;
  watch.warnedAt = now;
  warnOldBacklog(logger, waitedMs, counts);
}

function warnOldBacklog(logger: SignupLogger, waitedMs: number, counts: { queued: number; due: number; deadLetters: number }): void {
  logger.warn(
    `The oldest queued signup has waited ${Math.round(waitedMs / 60_000)} min (over queueDelivery.backlogWarnMs, SIGNUP_BACKLOG_WARN_MINUTES): ` +
      'Dotdigital may be down or refusing the API user, or delivery may not be running. `dotdigital-signup status` shows the queue; the log says why deliveries fail',
    { oldestWaitedSeconds: Math.round(waitedMs / 1000), queued: counts.queued, due: counts.due, deadLetters: counts.deadLetters },
  );
}
