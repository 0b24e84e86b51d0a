import { buildV3Contact, type V3Contact } from '../dotdigital/build-v3-contact.js';
import { FAILURE_TABLE, failureKind } from '../dotdigital/failure-table.js';
import { importContactKey } from '../dotdigital/import-report.js';
import type { DeliveryRound } from './delivery-round.js';
import type { ImportBatch, ImportLedger } from './import-ledger.js';
import type { ClaimedSignup, SignupQueue } from './signup-queue.js';

/** An import Dotdigital accepted, with the entries it carries (each under the batch's lease). */
export interface ActiveImport {
  batch: ImportBatch & { importId: string };
  entries: ClaimedSignup[];
}

/** Where {@link startImport} puts what it did not import. */
export interface ImportLeftovers {
  /** To be sent one call each this round. */
  singles: ClaimedSignup[];
  /** Batches to finish once the round has settled their entries. */
  toFinish: string[];
  /** Of `singles`, the ids an import applied without their consent record: the single call stores it. */
  repairs: Set<string>;
}

/**
 * Sends one claim's entries as one bulk import, by the ImportLedger protocol: dedupe by email
 * (the latest accepted wins; older ones are removed as superseded), park the rest with
 * `beginImport`, `PUT /contacts/v3/import`, `markImport`. An import changes contacts as the
 * single call does: ticked preferences added, none opted out, empty data fields filled
 * (`overwriteIfEmpty`). Each entry spends one of its address's emails first (an import may
 * resubscribe, which emails); one whose emails are spent, a double opt-in signup (unless
 * `doubleOptInImports`), and one v3 cannot carry go to `singles`. With `doubleOptInImports`,
 * a double opt-in contact is read first: one already subscribed is left as it is (the import
 * cannot tell it from a new one) and one waiting for its confirmation goes to `singles`.
 * What a refused PUT does is its failure-table row's: Dotdigital busy, away or at 25 active
 * imports (`keepQueued`): the entries wait (`stop`); too large (`splitImport`) with more than
 * one entry: they go back to the queue, due, and `split` says how many to claim again in
 * halves; refused as a whole (or one entry alone too large): they go one call each.
 *
 * @example
 * const { active, stop, split } = await startImport(round, queue, claimed, leftovers);
 */
export async function startImport(round: DeliveryRound, queue: SignupQueue & ImportLedger, claimed: ClaimedSignup[], left: ImportLeftovers): Promise<{ active?: ActiveImport; stop: boolean; split?: number }> {
  const { deps } = round;
  const latest = new Map<string, ClaimedSignup>();
  for (const entry of claimed) {
    const key = importContactKey(entry.contact.email);
    const held = latest.get(key);
    const [keep, older] = held === undefined || entry.acceptedAt >= held.acceptedAt ? [entry, held] : [held, entry];
    latest.set(key, keep);
    if (older) {
      await queue.remove(older.id);
      round.report.superseded = (round.report.superseded ?? 0) + 1;
      deps.logger?.info('Removed a queued signup superseded by a later one from the same address', { contact: await round.ref(key) });
    }
  }
  const contacts = new Map<string, V3Contact>();
  for (const entry of latest.values()) {
    const write = await round.ready(entry);
    if (!write) continue;
    const contact = buildV3Contact(write, entry.addressBookId);
    const importable = contact && (write.optInType !== 'VerifiedDouble' || (round.probe.admit() && (await doubleOptInImportable(round, entry))));
    if (importable === 'delivered') continue;
    if (importable && (await deps.submit.limits.take('emails', write.email))) contacts.set(entry.id, contact!);
    else left.singles.push(entry);
  }
  const entries = [...latest.values()].filter((entry) => contacts.has(entry.id));
  const batch = entries.length === 0 ? undefined : await queue.beginImport({ entries, now: deps.clock.now() });
  if (!batch) return { stop: false };
  const parked = new Set(batch.entries.map((e) => e.id));
  const sent = entries.filter((entry) => parked.has(entry.id));
  let importId: string;
  try {
    importId = await deps.submit.client.startImport(sent.map((entry) => contacts.get(entry.id)!));
  } catch (error) {
    // Nothing was imported, so no email went out: each signup's email is given back, or an import
    // split in halves (or retried later) would spend an address's allowance once per attempt.
    for (const entry of sent) await deps.submit.limits.give('emails', entry.contact.email);
    const kind = failureKind(error);
    const row = FAILURE_TABLE[kind];
    const { status, token } = error as { status?: number; token?: string };
    if (row.keepQueued) {
      for (const entry of sent) await round.postpone(entry, error, kind !== 'too_many_imports');
      await queue.finishImport(batch.batchId, deps.clock.now());
      deps.logger?.warn('Queued signups wait: Dotdigital did not take the import', { kind, status, token, contacts: sent.length });
      return { stop: true };
    }
    if (row.splitImport && sent.length > 1) {
      // Nothing of it was imported: back in the queue, due now, to be claimed again as two smaller imports.
      await queue.finishImport(batch.batchId, deps.clock.now());
      deps.logger?.warn('Dotdigital refused the import as too large: it is sent again in halves', { kind, status, token, contacts: sent.length });
      return { stop: false, split: sent.length };
    }
    deps.logger?.warn('Dotdigital refused the import as a whole: its signups are sent one call each', { kind, status, token, contacts: sent.length });
    left.singles.push(...sent);
    left.toFinish.push(batch.batchId);
    return { stop: false };
  }
  await queue.markImport(batch.batchId, importId);
  deps.logger?.info('Started a bulk import of queued signups', { importId, contacts: sent.length });
  return { active: { batch: { ...batch, importId }, entries: sent }, stop: false };
}

// A double opt-in contact an import may carry: not one already subscribed (left as it is, the
// entry done) nor one waiting for its confirmation (the single call sends the reminder).
async function doubleOptInImportable(round: DeliveryRound, entry: ClaimedSignup): Promise<boolean | 'delivered'> {
  const held = await round.deps.submit.client.getContact(entry.contact.email).catch(() => null);
  const status = held?.status.toLowerCase();
  if (held === null || status === 'pendingoptin') return false;
  if (status !== 'subscribed') return true;
  // Delivered like any other (the report and the deliveries metric): decided by one call, not by the import.
  await round.delivered(entry, 'single');
  round.deps.logger?.info('Delivered a queued signup: the contact is subscribed, and a double opt-in signup leaves it as it is', { contact: await round.ref(entry.contact.email) });
  return 'delivered';
}
