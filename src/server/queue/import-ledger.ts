import type { QueuedSignup, SignupQueue } from './signup-queue.js';

/** A batch of queued signups sent (or being sent) to Dotdigital as one bulk import. */
export interface ImportBatch {
  /** Chosen by the store when the batch begins. */
  batchId: string;
  /**
   * The entries in it, each with the claim's lease it still holds (`reschedule(id, lease, …)`
   * works with it). Only these may go into the import.
   */
  entries: Array<{ id: string; lease: string }>;
  /** Dotdigital's import id, once the `PUT /contacts/v3/import` was answered. */
  importId?: string;
  /** When the batch began (ms since the epoch, the caller's clock). */
  startedAt: number;
}

/**
 * Where a bulk import's entries wait while Dotdigital processes it, so a drainer that dies
 * mid-import neither loses nor double-sends them. The protocol, for the drainer that holds
 * the drain lock:
 *
 * 1. `claim` entries, then `beginImport` with their ids and leases: the store parks those
 *    still held under that lease (no claim hands them out, whatever their lease's end) and
 *    returns the batch. Send exactly `batch.entries`.
 * 2. Once Dotdigital answers the PUT with an import id, `markImport(batchId, importId)`.
 * 3. When the import has finished, `remove` each delivered entry and `reschedule` (with
 *    its lease in the batch) each to retry; then `finishImport`, which makes any entry of the batch still
 *    parked claimable again at `now`.
 *
 * A drainer taking over calls `unfinishedImports()` first: a batch with an `importId` is polled
 * and settled as in 3; one without was begun but its PUT's fate is unknown (the drainer died
 * within that one request) — settle it with `finishImport`, so its entries are sent again (an
 * import upserts, so the rare repeat updates a contact twice rather than losing it).
 *
 * @example
 * const claimed = await queue.claim({ now, limit: 2_000, leaseMs: 10 * 60_000 });
 * const batch = await queue.beginImport({ entries: claimed, now });
 * await queue.markImport(batch.batchId, (await putImport(batch.entries)).importId);
 */
export interface ImportLedger {
  /** Parks the entries still held under their lease; `undefined` when none is (nothing to send). */
  beginImport(request: { entries: ReadonlyArray<{ id: string; lease: string }>; now: number }): Promise<ImportBatch | undefined>;
  markImport(batchId: string, importId: string): Promise<void>;
  /** Batches begun and not finished, oldest first. */
  unfinishedImports(): Promise<ImportBatch[]>;
  finishImport(batchId: string, now: number): Promise<void>;
  /**
   * The stored signups of these ids (those still in the queue, in any order): what a drainer
   * taking over needs to settle a batch it did not begin.
   */
  readEntries(ids: readonly string[]): Promise<QueuedSignup[]>;
}

/**
 * Whether a queue also keeps the bulk-import ledger (the built-in memory, file and Redis
 * queues do); a queue of your own without it is delivered one signup a call.
 *
 * @example
 * if (hasImportLedger(queue)) await queue.unfinishedImports();
 */
export function hasImportLedger<Q extends SignupQueue>(queue: Q): queue is Q & ImportLedger {
  const ledger = queue as Partial<ImportLedger>;
  return (['beginImport', 'markImport', 'unfinishedImports', 'finishImport', 'readEntries'] as const).every((name) => typeof ledger[name] === 'function');
}
