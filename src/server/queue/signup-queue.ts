import type { ContactWrite } from '../dotdigital/build-contact-body.js';

/** One checked signup as stored for later delivery: plain JSON, so any store can keep it. */
export interface QueuedSignup {
  /** Unique id, chosen by the proxy. */
  id: string;
  /** When the proxy accepted it (ms since the epoch); entries older than `maxAgeMs` are dropped. */
  acceptedAt: number;
  /** Not to be tried before this time (ms since the epoch). */
  dueAt: number;
  /** Delivery attempts made after it was queued. */
  attempts: number;
  /** The contact and its consent record exactly as captured when the visitor signed up. */
  contact: Omit<ContactWrite, 'shown' | 'ticked'> & { shown: number[]; ticked: number[] };
  /** The address book configured when it was accepted. */
  addressBookId?: number;
  /**
   * True when it was accepted before the proxy had ever loaded the form definition (a cold
   * start while Dotdigital was down): `contact.shown` is then empty, and delivery checks the
   * ticked ids against the definition first. Absent on every other entry.
   */
  needsDefinitionCheck?: boolean;
  /**
   * When an operator put it back from the dead letters (`dotdigital-signup requeue`): its age
   * limit counts from here, not from `acceptedAt`. Absent on every other entry.
   */
  requeuedAt?: number;
}

/** An entry a deliverer holds: nobody else can claim it until the lease runs out. */
export interface ClaimedSignup extends QueuedSignup {
  /** Token of this claim; {@link SignupQueue.reschedule} only honours the current one. */
  lease: string;
}

/**
 * Where signups wait while Dotdigital is unreachable or rate-limited. Storage-agnostic and
 * async, so a database, Redis or KV store can implement it in ~50 lines; the package ships
 * `createMemorySignupQueue` (dev and tests) and, for Node, the durable `createFileSignupQueue`.
 *
 * Contract: `add` resolves only once the entry is stored (it rejects when full or on a
 * storage error, and the proxy then answers 503 rather than lose the signup silently);
 * `claim` hands each due entry to one caller at a time until its lease ends (which
 * `renewLeases`, when the store has it, pushes back).
 *
 * @example
 * // A sketch over SQL: claim with `UPDATE … SET lease = $token, lease_until = $until
 * //   WHERE due_at <= $now AND (lease_until IS NULL OR lease_until <= $now) … RETURNING *`.
 * const queue: SignupQueue = { add, claim, remove, reschedule };
 * const handler = createSignupHandler({ ...options, queue });
 */
export interface SignupQueue {
  /** Stores one signup. Rejects when the queue is full or storage fails. */
  add(entry: QueuedSignup): Promise<void>;
  /** Leases up to `limit` entries due at `now` (oldest first) until `now + leaseMs`. */
  claim(request: { now: number; limit: number; leaseMs: number }): Promise<ClaimedSignup[]>;
  /** Deletes an entry: delivered, or dropped for good. */
  remove(id: string): Promise<void>;
  /** Ends a lease and sets when to try again; ignored when `lease` is no longer the entry's lease. */
  reschedule(id: string, lease: string, next: { dueAt: number; attempts: number }): Promise<void>;
  /**
   * Optional: extends the claims still held under these leases until `until` (the deliverer's
   * heartbeat). With it, claims are short (`queueDelivery.leaseMs`) and a dead deliverer's run
   * out soon; without it, a claim lasts {@link LONG_CLAIM_MS}. Entries parked in an import, gone or
   * claimed again since are left alone.
   */
  renewLeases?(request: { entries: ReadonlyArray<{ id: string; lease: string }>; until: number }): Promise<void>;
}

/** How long a claim lasts on a queue that cannot renew its leases: a round never outlasts it. */
export const LONG_CLAIM_MS = 10 * 60_000;

/** The queue holds as many signups as it may; the proxy answers 503 instead of queueing. */
export class SignupQueueFullError extends Error {
  override readonly name = 'SignupQueueFullError';
}

/**
 * The stored form of a {@link ContactWrite}: sets become arrays so the entry is plain JSON.
 *
 * @example
 * const entry = { id, acceptedAt, dueAt, attempts: 0, contact: toQueuedContact(write) };
 */
export function toQueuedContact(write: ContactWrite): QueuedSignup['contact'] {
  return { ...write, shown: [...write.shown], ticked: [...write.ticked] };
}

/**
 * A stored contact back as the {@link ContactWrite} the live signup path takes.
 *
 * @example
 * await submitSignup(deps, fromQueuedContact(entry.contact), snapshot, deadline);
 */
export function fromQueuedContact(contact: QueuedSignup['contact']): ContactWrite {
  return { ...contact, shown: new Set(contact.shown), ticked: new Set(contact.ticked) };
}
