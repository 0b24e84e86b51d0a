import { queuedAt } from './dead-letters.js';
import type { ImportBatch } from './import-ledger.js';
import type { QueueCounts } from './queue-counts.js';
import type { ClaimedSignup, QueuedSignup } from './signup-queue.js';
import { SignupQueueFullError } from './signup-queue.js';

/** The in-memory heart of the built-in queues: entries, bound and leases. */
export interface QueueEntries {
  readonly size: number;
  /** Every entry, for a store that writes them all out. */
  all(): QueuedSignup[];
  /** Adds an entry (not one it holds already); `overBound` for a requeue, which may exceed `maxEntries`. */
  add(entry: QueuedSignup, options?: { overBound?: boolean }): void;
  /** Throws {@link SignupQueueFullError} when one more entry would not fit. */
  checkRoom(): void;
  claim(request: { now: number; limit: number; leaseMs: number }): ClaimedSignup[];
  /** True when there was such an entry. */
  remove(id: string): boolean;
  /** Pushes back the end of the leases still held and not parked (the deliverer's heartbeat). */
  renew(entries: ReadonlyArray<{ id: string; lease: string }>, until: number): void;
  /** True when the lease was current and the entry changed (a parked entry is waiting again). */
  reschedule(id: string, lease: string, next: { dueAt: number; attempts: number }): boolean;
  /** The bulk-import ledger (see ImportLedger). */
  beginImport(request: { entries: ReadonlyArray<{ id: string; lease: string }>; now: number }): ImportBatch | undefined;
  /** Parks a batch read back from a journal again, its entries under the batch's leases (a restart held none). */
  restoreImport(batch: ImportBatch): void;
  markImport(batchId: string, importId: string): boolean;
  unfinishedImports(): ImportBatch[];
  finishImport(batchId: string, now: number): boolean;
  /** The entries with these ids that are still held (parked ones included). */
  read(ids: readonly string[]): QueuedSignup[];
  /** Up to `limit` entries queued before `queuedBefore` that nobody holds (not leased at `now`, not parked): past their age limit. */
  overdue(request: { queuedBefore: number; now: number; limit: number }): QueuedSignup[];
  /** What it holds at `now` (dead letters are counted by their own store). */
  counts(now: number): Omit<QueueCounts, 'deadLetters'>;
}

/**
 * Entries with a bound and claim leases, shared by the memory and file queues so both keep
 * the same promises: `add` throws {@link SignupQueueFullError} at `maxEntries`, a claimed
 * entry goes to nobody else until its lease ends, and a stale lease cannot reschedule.
 * Leases live in memory only: a restarted process has no deliverer still holding one.
 *
 * @example
 * const entries = createQueueEntries(10_000);
 * entries.add(entry);
 * const [mine] = entries.claim({ now: Date.now(), limit: 1, leaseMs: 60_000 });
 */
export function createQueueEntries(maxEntries: number): QueueEntries {
  if (!(Number.isSafeInteger(maxEntries) && maxEntries >= 1)) throw new TypeError(`maxEntries must be a whole number ≥ 1, not ${maxEntries}`);
  // Insertion order is acceptance order, so a claim takes the oldest due entries first.
  const entries = new Map<string, { entry: QueuedSignup; lease?: string; leaseUntil: number; parkedIn?: string }>();
  const batches = new Map<string, ImportBatch>();
  const checkRoom = () => {
    if (entries.size >= maxEntries) throw new SignupQueueFullError(`The signup queue is full (${maxEntries} entries): Dotdigital has been unreachable for long, or delivery is not running`);
  };
  return {
    get size() {
      return entries.size;
    },
    all: () => [...entries.values()].map(({ entry }) => entry),
    checkRoom,
    add(entry, options = {}) {
      if (entries.has(entry.id)) return;
      if (!options.overBound) checkRoom();
      entries.set(entry.id, { entry: structuredClone(entry), leaseUntil: 0 });
    },
    claim({ now, limit, leaseMs }) {
      const claimed: ClaimedSignup[] = [];
      for (const slot of entries.values()) {
        if (claimed.length >= limit) break;
        if (slot.entry.dueAt > now || slot.leaseUntil > now || slot.parkedIn !== undefined) continue;
        slot.lease = crypto.randomUUID();
        slot.leaseUntil = now + leaseMs;
        claimed.push({ ...structuredClone(slot.entry), lease: slot.lease });
      }
      return claimed;
    },
    remove: (id) => entries.delete(id),
    renew(held, until) {
      for (const { id, lease } of held) {
        const slot = entries.get(id);
        if (slot && slot.lease === lease && slot.parkedIn === undefined) slot.leaseUntil = Math.max(slot.leaseUntil, until);
      }
    },
    reschedule(id, lease, next) {
      const slot = entries.get(id);
      if (!slot || slot.lease !== lease) return false;
      slot.entry = { ...slot.entry, dueAt: next.dueAt, attempts: next.attempts };
      slot.lease = undefined;
      slot.leaseUntil = 0;
      slot.parkedIn = undefined;
      return true;
    },
    beginImport({ entries: wanted, now }) {
      const batchId = crypto.randomUUID();
      const held = wanted.filter(({ id, lease }) => entries.get(id)?.lease === lease && entries.get(id)?.parkedIn === undefined);
      if (held.length === 0) return undefined;
      for (const { id } of held) entries.get(id)!.parkedIn = batchId;
      const batch: ImportBatch = { batchId, entries: held.map(({ id, lease }) => ({ id, lease })), startedAt: now };
      batches.set(batchId, batch);
      return structuredClone(batch);
    },
    restoreImport(batch) {
      const kept = batch.entries.filter(({ id }) => entries.has(id));
      for (const { id, lease } of kept) Object.assign(entries.get(id)!, { lease, leaseUntil: 0, parkedIn: batch.batchId });
      batches.set(batch.batchId, { ...structuredClone(batch), entries: kept });
    },
    markImport(batchId, importId) {
      const batch = batches.get(batchId);
      if (batch) batch.importId = importId;
      return batch !== undefined;
    },
    unfinishedImports: () => [...batches.values()].sort((a, b) => a.startedAt - b.startedAt).map((batch) => structuredClone(batch)),
    finishImport(batchId, now) {
      const batch = batches.get(batchId);
      if (!batch) return false;
      for (const { id, lease } of batch.entries) {
        const slot = entries.get(id);
        if (!slot || slot.parkedIn !== batchId || slot.lease !== lease) continue;
        [slot.parkedIn, slot.lease, slot.leaseUntil] = [undefined, undefined, 0];
        slot.entry = { ...slot.entry, dueAt: Math.min(slot.entry.dueAt, now) };
      }
      batches.delete(batchId);
      return true;
    },
    read: (ids) => ids.flatMap((id) => {
      const slot = entries.get(id);
      return slot ? [structuredClone(slot.entry)] : [];
    }),
    overdue({ queuedBefore, now, limit }) {
      const found: QueuedSignup[] = [];
      for (const slot of entries.values()) {
        if (found.length >= limit) break;
        if (queuedAt(slot.entry) < queuedBefore && slot.leaseUntil <= now && slot.parkedIn === undefined) found.push(structuredClone(slot.entry));
      }
      return found;
    },
    counts(now) {
      const counts = { queued: entries.size, due: 0, leased: 0, inImports: 0, oldestQueuedAt: undefined as number | undefined };
      for (const { entry, leaseUntil, parkedIn } of entries.values()) {
        if (parkedIn !== undefined) counts.inImports++;
        else if (leaseUntil > now) counts.leased++;
        else if (entry.dueAt <= now) counts.due++;
        counts.oldestQueuedAt = Math.min(counts.oldestQueuedAt ?? Infinity, queuedAt(entry));
      }
      return counts;
    },
  };
}
