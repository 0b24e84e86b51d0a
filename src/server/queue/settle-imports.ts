import { FAILURE_TABLE, failureRetryAfterMs, keepsQueuedSignup } from '../dotdigital/failure-table.js';
import { importContactKey, type ImportReport } from '../dotdigital/import-report.js';
import type { DeliveryRound } from './delivery-round.js';
import type { ImportLedger } from './import-ledger.js';
import type { SignupQueue } from './signup-queue.js';
import type { ActiveImport, ImportLeftovers } from './start-import.js';

// Dotdigital's Magento integration asks every 5 minutes; a signup proxy wants its backlog sooner.
const MAX_POLL_MS = 60_000;

/** When each import is next asked about; kept by the deliverer between rounds. */
export type PollTimes = Map<string, { nextAt: number; intervalMs: number }>;

/**
 * A drainer's first step: the imports the ledger holds. One with an import id is polled (its
 * entries read back, each under the batch's lease); one without was begun but its PUT's fate
 * is unknown, so it is finished and its entries are sent again (an upsert: at worst a contact
 * is updated twice, never lost).
 *
 * @example
 * const active = await resumeImports(round, queue);
 */
export async function resumeImports(round: DeliveryRound, queue: SignupQueue & ImportLedger): Promise<ActiveImport[]> {
  const active: ActiveImport[] = [];
  for (const batch of await queue.unfinishedImports()) {
    const { importId } = batch;
    if (importId === undefined) {
      await queue.finishImport(batch.batchId, round.deps.clock.now());
      continue;
    }
    const leases = new Map(batch.entries.map((e) => [e.id, e.lease]));
    const stored = await queue.readEntries([...leases.keys()]);
    active.push({ batch: { ...batch, importId }, entries: stored.map((entry) => ({ ...entry, lease: leases.get(entry.id)! })) });
  }
  return active;
}

/**
 * Asks Dotdigital how each import is going (`importPollMs`, doubling while it is not finished,
 * at most every minute; each ask is one API call) for up to `importWaitMs`, and settles each
 * one that finished. Imports still processing stay in the ledger for the next round.
 *
 * @example
 * await pollImports(round, queue, active, leftovers, pollTimes, () => lock.extend(token, ttl));
 */
export async function pollImports(round: DeliveryRound, queue: SignupQueue & ImportLedger, active: ActiveImport[], left: ImportLeftovers, times: PollTimes, keepLock: () => Promise<boolean>): Promise<void> {
  const { clock, delivery, logger, submit } = round.deps;
  const deadline = clock.now() + delivery.importWaitMs;
  const timeOf = (a: ActiveImport) => times.get(a.batch.importId) ?? { nextAt: a.batch.startedAt + delivery.importPollMs, intervalMs: delivery.importPollMs };
  const waiting = [...active];
  while (waiting.length > 0) {
    const nextAt = Math.max(clock.now(), Math.min(...waiting.map((a) => timeOf(a).nextAt)));
    if (nextAt > deadline) return;
    if (nextAt > clock.now()) await clock.sleep(nextAt - clock.now());
    if (!(await keepLock())) return; // another drainer holds the lock now: the imports are its to settle
    for (const a of waiting.filter((candidate) => timeOf(candidate).nextAt <= clock.now())) {
      const { importId, batchId } = a.batch;
      const time = timeOf(a);
      let report: ImportReport;
      try {
        report = await submit.client.getImport(importId);
      } catch (error) {
        if (keepsQueuedSignup(error)) {
          times.set(importId, { ...time, nextAt: clock.now() + Math.max(time.intervalMs, failureRetryAfterMs(error) ?? 0) });
          continue;
        }
        // Dotdigital does not know the import (or refuses to say): send its entries again.
        logger?.warn('Dotdigital could not report on an import: its signups will be sent again', { importId, status: (error as { status?: number }).status });
        waiting.splice(waiting.indexOf(a), 1);
        left.toFinish.push(batchId);
        continue;
      }
      if (!report.finished) {
        const intervalMs = Math.min(MAX_POLL_MS, time.intervalMs * 2);
        times.set(importId, { nextAt: clock.now() + intervalMs, intervalMs });
        continue;
      }
      times.delete(importId);
      waiting.splice(waiting.indexOf(a), 1);
      await settleImport(round, a, report, left);
      left.toFinish.push(batchId);
    }
  }
}

/**
 * Applies a finished import's report to its entries: created or updated (and no failure
 * listed) → delivered and removed; a failure kind whose row says `retrySingly` (consent not
 * applied, rejected by the watchdog, anything unknown) → sent one call each this round; any
 * other (invalid, suppressed) → dropped (or kept as a dead letter when its row says the cause is
 * not the visitor's) and logged by reference with the reason.
 */
async function settleImport(round: DeliveryRound, a: ActiveImport, report: ImportReport, left: ImportLeftovers): Promise<void> {
  const { logger } = round.deps;
  const whole = report.importFailure;
  if (whole) {
    const { log } = FAILURE_TABLE[whole.kind];
    logger?.[log.level](log.text, { importId: a.batch.importId, status: whole.status, contacts: a.entries.length });
    left.singles.push(...a.entries);
    return;
  }
  for (const entry of a.entries) {
    const email = importContactKey(entry.contact.email);
    if (report.delivered.has(email)) {
      await round.delivered(entry, 'import');
      round.report.imported = (round.report.imported ?? 0) + 1;
      continue;
    }
    // Listed nowhere: Dotdigital did not say it applied it, so it is not delivered.
    const failure = report.failures.get(email) ?? { kind: 'import_failed' as const, codes: [] };
    const row = FAILURE_TABLE[failure.kind];
    const ref = await round.ref(email);
    if (row.retrySingly) {
      logger?.[row.log.level](row.log.text, { contact: ref, codes: failure.codes });
      left.singles.push(entry);
      if (failure.kind === 'consent_not_applied') left.repairs.add(entry.id);
    } else if (row.keepQueued) await round.postpone(entry, undefined, true);
    else await round.refuse(entry, failure.kind, `the import refused it (${failure.kind})`, { contact: ref, kind: failure.kind, codes: failure.codes, importId: a.batch.importId });
  }
  await round.probe.settle({ client: round.deps.submit.client, logger: round.deps.logger, ref: round.ref }, a.entries, report);
}
