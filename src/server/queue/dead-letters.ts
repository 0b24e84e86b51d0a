import type { FailureKind } from '../dotdigital/failure-table.js';
import type { QueuedSignup, SignupQueue } from './signup-queue.js';

/** Why a signup left the queue undelivered: past its age limit, or the failure kind Dotdigital refused it with. */
export type DeadLetterReason = 'expired' | FailureKind;

/**
 * A queued signup that could not be delivered for a reason that is not the visitor's, kept whole
 * (its consent record as captured) until an operator requeues it or its retention ends.
 */
export interface DeadLetter {
  /** The signup as it was queued; `entry.id` names the dead letter too. */
  entry: QueuedSignup;
  reason: DeadLetterReason;
  /** When it left the queue (ms since the epoch). */
  diedAt: number;
  /** Dotdigital's HTTP status and error token, when it refused the signup. */
  status?: number;
  token?: string;
}

/** What {@link DeadLetterStore.requeue} did: every id put back, or the ids it does not hold (then nothing changed). */
export type RequeueResult = { requeued: QueuedSignup[] } | { unknown: string[] };

/**
 * The dead-letter list a queue keeps beside its entries (the memory, file and Redis queues do):
 * a signup moves there in one step with its consent record, stays until requeued or until its
 * retention ends, and goes back as a new entry due at once, its age limit counted from then.
 *
 * @example
 * if (hasDeadLetters(queue)) await queue.bury({ entry, reason: 'expired', diedAt: Date.now() });
 * await queue.requeue({ ids: 'all', now: Date.now() });
 */
export interface DeadLetterStore {
  /** Moves an entry from the queue to the dead letters (also when it is no longer queued). */
  bury(letter: DeadLetter): Promise<void>;
  /**
   * Buries, as `expired`, up to `limit` entries queued (accepted or requeued) before
   * `queuedBefore` that no deliverer holds now (not leased, not in an import), and returns them.
   */
  buryOverdue(request: { queuedBefore: number; now: number; limit: number }): Promise<DeadLetter[]>;
  /** Every dead letter, oldest first. */
  deadLetters(): Promise<DeadLetter[]>;
  /** Puts these dead letters (or all) back in the queue, due at `now`; none when any id is unknown. */
  requeue(request: { ids: readonly string[] | 'all'; now: number }): Promise<RequeueResult>;
  /** Deletes the dead letters that died before `diedBefore` (their retention ended); how many. */
  forgetDeadLetters(diedBefore: number): Promise<number>;
}

/**
 * Whether a queue keeps dead letters (the built-in ones do); one of your own without them
 * drops what it cannot deliver, and logs it, as before.
 *
 * @example
 * if (hasDeadLetters(queue)) console.log((await queue.deadLetters()).length);
 */
export function hasDeadLetters<Q extends SignupQueue>(queue: Q): queue is Q & DeadLetterStore {
  const store = queue as Partial<DeadLetterStore>;
  return (['bury', 'buryOverdue', 'deadLetters', 'requeue', 'forgetDeadLetters'] as const).every((name) => typeof store[name] === 'function');
}

/**
 * When an entry entered the queue: accepted, or requeued by an operator. Its age limit counts from here.
 *
 * @example
 * if (now - queuedAt(entry) > delivery.maxAgeMs) await queue.bury({ entry, reason: 'expired', diedAt: now });
 */
export function queuedAt(entry: Pick<QueuedSignup, 'acceptedAt' | 'requeuedAt'>): number {
  return entry.requeuedAt ?? entry.acceptedAt;
}

/**
 * A dead letter as the entry it becomes again: due at `now`, no attempts, its consent record untouched.
 *
 * @example
 * await queue.add(requeuedEntry(letter, Date.now()));
 */
export function requeuedEntry(letter: DeadLetter, now: number): QueuedSignup {
  return { ...letter.entry, dueAt: now, attempts: 0, requeuedAt: now };
}
