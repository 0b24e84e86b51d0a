import type { DefinitionSnapshot } from '../definition/definition-snapshot.js';
import type { DotdigitalClient } from '../dotdigital/dotdigital-client.js';
import type { SubmitDeps } from '../dotdigital/submit-signup.js';
import { FAILURE_TABLE, type FailureKind } from '../dotdigital/failure-table.js';
import type { SignupClock } from '../shared/signup-clock.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { SignupMetrics } from '../shared/signup-metrics.js';
import { hasDeadLetters, queuedAt, type DeadLetterReason } from './dead-letters.js';
import type { DrainLock } from './drain-lock.js';
import type { OptInProbe } from './opt-in-probe.js';
import { retryAfterFailure, type ResolvedQueueDelivery } from './queue-delivery-options.js';
import { queuedWrite } from './queued-write.js';
import type { ClaimedSignup, QueuedSignup, SignupQueue } from './signup-queue.js';
import type { ContactWrite } from '../dotdigital/build-contact-body.js';

/**
 * What one delivery round did; `postponed` entries were claimed but not tried, or failed and
 * wait. `imported`: of `delivered`, those a bulk import created or updated (present when the
 * round imported any). `dropped`: refused for the visitor's own reason; `deadLettered` (present
 * when any): past their age limit, or refused for a reason that is not the visitor's, and kept.
 */
export interface DeliveryReport {
  delivered: number;
  dropped: number;
  postponed: number;
  deadLettered?: number;
  imported?: number;
  /** Removed because a later signup from the same address replaced them (present when any was). */
  superseded?: number;
}

/** What {@link createQueueDeliverer} needs. */
export interface DelivererDeps {
  queue: SignupQueue | undefined;
  delivery: ResolvedQueueDelivery;
  clock: SignupClock;
  /** How long one entry's calls may take, retries included. */
  budgetMs: number;
  definition: { fresh(): Promise<DefinitionSnapshot>; invalidate(): void };
  /** The single call's parts; its client also makes the bulk-import calls. */
  submit: Omit<SubmitDeps, 'addressBookId' | 'ref' | 'client'> & { client: SubmitDeps['client'] & Pick<DotdigitalClient, 'startImport' | 'getImport' | 'getContactStatus' | 'getContact'> };
  emailRef: (email: string) => Promise<string>;
  logger: SignupLogger | undefined;
  metrics: SignupMetrics;
  /** One drainer at a time: a lock of this process when not given; pass the Redis one when instances share a queue. */
  drainLock?: DrainLock;
}

/** One round's shared steps: the report, and how an entry leaves the queue or waits. */
export interface DeliveryRound {
  deps: DelivererDeps;
  queue: SignupQueue;
  report: DeliveryReport;
  ref(email: string): Promise<string>;
  /** Removes an entry for the visitor's own reason (`reason`: the failure kind, or what was wrong), counted. */
  drop(entry: ClaimedSignup, reason: string, why: string, details: Record<string, unknown>): Promise<void>;
  /** Keeps an entry as a dead letter (a queue without dead letters drops it, as before). */
  bury(entry: ClaimedSignup, reason: DeadLetterReason, why: string, details: Record<string, unknown>): Promise<void>;
  /** Counts and logs an entry the store has moved to the dead letters. */
  buried(id: string, reason: DeadLetterReason, why: string, details: Record<string, unknown>): void;
  /** An entry Dotdigital refused as `kind`: a dead letter when its row says the cause is not the visitor's, else dropped. */
  refuse(entry: ClaimedSignup, kind: FailureKind, why: string, details: Record<string, unknown> & { status?: number | undefined; token?: string | undefined }): Promise<void>;
  /** A delivered entry: removed, counted (`path`: how it went). */
  delivered(entry: ClaimedSignup, path: 'single' | 'import'): Promise<void>;
  /** Waits for a later round: `tried` counts an attempt (and backs off further). */
  postpone(entry: ClaimedSignup, error: unknown, tried: boolean): Promise<void>;
  /** The write an entry sends, or `undefined` once it was dropped (too old, or ticks what the form does not offer). */
  ready(entry: ClaimedSignup): Promise<ContactWrite | undefined>;
  snapshot(): Promise<DefinitionSnapshot>;
  /** Which double opt-in signups may be imported; kept by the deliverer across rounds. */
  probe: OptInProbe;
}

/**
 * Starts a round's shared steps over `queue`.
 *
 * @example
 * const round = startRound(deps, queue, createOptInProbe(false));
 * const write = await round.ready(entry);
 */
export function startRound(deps: DelivererDeps, queue: SignupQueue, probe: OptInProbe): DeliveryRound {
  const { clock, delivery, logger, metrics } = deps;
  let snapshot: Promise<DefinitionSnapshot> | undefined;
  const round: DeliveryRound = {
    deps,
    queue,
    probe,
    report: { delivered: 0, dropped: 0, postponed: 0 },
    ref: async (email) => (logger ? deps.emailRef(email) : ''),
    async drop(entry, reason, why, details) {
      await queue.remove(entry.id);
      round.report.dropped++;
      metrics.dropped(reason);
      logger?.error(`Dropped a queued signup: ${why}`, details);
    },
    async bury(entry, reason, why, details) {
      if (!hasDeadLetters(queue)) return round.drop(entry, reason, why, details);
      const { lease: _lease, ...stored } = entry;
      const { status, token } = details as { status?: unknown; token?: unknown };
      await queue.bury({ entry: stored, reason, diedAt: clock.now(), ...(typeof status === 'number' ? { status } : {}), ...(typeof token === 'string' ? { token } : {}) });
      round.buried(entry.id, reason, why, details);
    },
    buried(id, reason, why, details) {
      round.report.deadLettered = (round.report.deadLettered ?? 0) + 1;
      metrics.deadLettered(reason);
      logger?.error(`Moved a queued signup to the dead letters: ${why} (\`dotdigital-signup dead-letters\` lists them, \`dotdigital-signup requeue\` puts them back)`, { ...details, id, reason });
    },
    refuse: (entry, kind, why, details) => (FAILURE_TABLE[kind].deadLetter ? round.bury : round.drop)(entry, kind, why, details),
    async delivered(entry, path) {
      await queue.remove(entry.id);
      round.report.delivered++;
      metrics.delivered(path, clock.now() - queuedAt(entry));
    },
    async postpone(entry, error, tried) {
      const attempts = entry.attempts + (tried ? 1 : 0);
      // Held back by the call budget: not an attempt, and due when the budget says.
      const next = error === undefined ? { dueAt: clock.now(), counts: true } : retryAfterFailure(error, clock.now(), attempts, delivery, clock.random);
      await queue.reschedule(entry.id, entry.lease, { attempts: next.counts ? attempts : entry.attempts, dueAt: next.dueAt });
      round.report.postponed++;
    },
    snapshot: () => (snapshot ??= deps.definition.fresh().catch((error: unknown) => {
      snapshot = undefined;
      throw error;
    })),
    async ready(entry) {
      if (clock.now() - queuedAt(entry) > delivery.maxAgeMs) {
        await round.bury(entry, 'expired', EXPIRED, await expiredDetails(round, entry));
        return undefined;
      }
      const ready = queuedWrite(entry, await round.snapshot());
      if (ready.ok) return ready.write;
      await round.drop(entry, 'not_offered', 'it ticks a preference this form does not offer', { contact: await round.ref(entry.contact.email), preferences: ready.notOffered });
      return undefined;
    },
  };
  return round;
}

/** Why an entry past its age limit leaves the queue, in every log line that says so. */
export const EXPIRED = 'Dotdigital did not take it within queueDelivery.maxAgeMs (SIGNUP_QUEUE_MAX_AGE_HOURS)';

/**
 * The log details of an entry past its age limit: its reference, attempts and times, never the address.
 *
 * @example
 * logger.error(EXPIRED, await expiredDetails(round, entry));
 */
export async function expiredDetails(round: DeliveryRound, entry: QueuedSignup): Promise<Record<string, unknown>> {
  return {
    contact: await round.ref(entry.contact.email), attempts: entry.attempts, acceptedAt: new Date(entry.acceptedAt).toISOString(),
    ...(entry.requeuedAt === undefined ? {} : { requeuedAt: new Date(entry.requeuedAt).toISOString() }),
  };
}
