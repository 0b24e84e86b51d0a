import type { DefinitionSnapshot } from '../definition/definition-snapshot.js';
import type { DotdigitalClient } from '../dotdigital/dotdigital-client.js';
import type { SubmitDeps } from '../dotdigital/submit-signup.js';
import type { SignupClock } from '../shared/signup-clock.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { DrainLock } from './drain-lock.js';
import type { OptInProbe } from './opt-in-probe.js';
import { retryAfterFailure, type ResolvedQueueDelivery } from './queue-delivery-options.js';
import { queuedWrite } from './queued-write.js';
import type { ClaimedSignup, SignupQueue } from './signup-queue.js';
import type { ContactWrite } from '../dotdigital/build-contact-body.js';

/**
 * What one delivery round did; `postponed` entries were claimed but not tried, or failed and
 * wait. `imported`: of `delivered`, those a bulk import created or updated (present when the
 * round imported any).
 */
export interface DeliveryReport {
  delivered: number;
  dropped: number;
  postponed: number;
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
  /** One drainer at a time: a lock of this process when not given; pass the Redis one when instances share a queue. */
  drainLock?: DrainLock;
}

/** One round's shared steps: the report, and how an entry leaves the queue or waits. */
export interface DeliveryRound {
  deps: DelivererDeps;
  queue: SignupQueue;
  report: DeliveryReport;
  ref(email: string): Promise<string>;
  drop(entry: ClaimedSignup, why: string, details: Record<string, unknown>): Promise<void>;
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
  const { clock, delivery, logger } = deps;
  let snapshot: Promise<DefinitionSnapshot> | undefined;
  const round: DeliveryRound = {
    deps,
    queue,
    probe,
    report: { delivered: 0, dropped: 0, postponed: 0 },
    ref: async (email) => (logger ? deps.emailRef(email) : ''),
    async drop(entry, why, details) {
      await queue.remove(entry.id);
      round.report.dropped++;
      logger?.error(`Dropped a queued signup: ${why}`, details);
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
      if (clock.now() - entry.acceptedAt > delivery.maxAgeMs) {
        await round.drop(entry, 'Dotdigital did not take it within queueDelivery.maxAgeMs', { contact: await round.ref(entry.contact.email), attempts: entry.attempts, acceptedAt: new Date(entry.acceptedAt).toISOString() });
        return undefined;
      }
      const ready = queuedWrite(entry, await round.snapshot());
      if (ready.ok) return ready.write;
      await round.drop(entry, 'it ticks a preference this form does not offer', { contact: await round.ref(entry.contact.email), preferences: ready.notOffered });
      return undefined;
    },
  };
  return round;
}
