import { deliverSingly } from './deliver-singly.js';
import { startRound, type DelivererDeps, type DeliveryReport, type DeliveryRound } from './delivery-round.js';
import { hasImportLedger, type ImportLedger } from './import-ledger.js';
import { startLeaseHeartbeat, type LeaseHeartbeat } from './lease-heartbeat.js';
import { createMemoryDrainLock } from './memory-drain-lock.js';
import { createOptInProbe } from './opt-in-probe.js';
import { pollImports, resumeImports, type PollTimes } from './settle-imports.js';
import type { ClaimedSignup, SignupQueue } from './signup-queue.js';
import { startImport, type ActiveImport, type ImportLeftovers } from './start-import.js';
import { sweepQueue, watchBacklog, type BacklogWatch } from './sweep-queue.js';

export type { DelivererDeps, DeliveryReport } from './delivery-round.js';

/** Sends due queued signups; what `handler.deliverQueued` runs. */
export type DeliverQueued = (options?: { limit?: number }) => Promise<DeliveryReport>;

/** Dotdigital processes at most this many contact imports of an account at once. */
export const MAX_ACTIVE_IMPORTS = 25;

/**
 * Makes the delivery round of a handler's queue. A round runs under the drain lock (one
 * drainer at a time, across instances when the lock is shared), which it and its claims keep
 * alive by a heartbeat (lease-heartbeat.ts) while it works; a round that finds the lock taken
 * does nothing. It first moves entries past their age limit to the dead letters and deletes
 * dead letters past their retention (sweep-queue.ts). With a queue that keeps an import ledger
 * it resumes the imports a previous drainer left; then a backlog of at least
 * `bulkThreshold` due signups goes out as bulk imports (`importBatchSize` each, at most 25
 * processing), polled and settled (start-import.ts, settle-imports.ts); a small backlog, and
 * what an import cannot carry, goes one call each (deliver-singly.ts), `limit` a round. Last,
 * it warns when the oldest signup left has waited past `backlogWarnMs`.
 *
 * @example
 * const deliver = createQueueDeliverer(deps);
 * await deliver({ limit: 50 }); // { delivered: 12, dropped: 0, postponed: 0 }
 */
export function createQueueDeliverer(deps: DelivererDeps): DeliverQueued {
  const { queue, clock, delivery, logger } = deps;
  const lock = deps.drainLock ?? createMemoryDrainLock(() => clock.now());
  const pollTimes: PollTimes = new Map();
  const probe = createOptInProbe(delivery.doubleOptInImports);
  const backlog: BacklogWatch = {};
  return async function deliverQueued(request = {}) {
    if (!queue) return { delivered: 0, dropped: 0, postponed: 0 };
    const limit = Math.max(1, Math.floor(request.limit ?? delivery.batchSize));
    const token = await lock.acquire(delivery.leaseMs);
    if (token === undefined) {
      logger?.info('Another drainer is delivering the queue: this round leaves it to them', {});
      return { delivered: 0, dropped: 0, postponed: 0 };
    }
    // The lock and every claim live while this round beats, and run out soon after it stops.
    const beat = startLeaseHeartbeat({ lock, token, queue, leaseMs: delivery.leaseMs, clock, logger });
    const round = startRound(deps, queue, probe);
    try {
      await sweepQueue(round);
      if (!hasImportLedger(queue)) {
        const claimed = await queue.claim({ now: clock.now(), limit, leaseMs: beat.claimMs });
        beat.hold(claimed);
        await deliverSingly(round, claimed, limit, beat.keepLock);
        return round.report;
      }
      const left: ImportLeftovers = { singles: [], toFinish: [], repairs: new Set() };
      const active = await resumeImports(round, queue);
      await importBacklog(round, queue, active, left, beat);
      await pollImports(round, queue, active, left, pollTimes, beat.keepLock);
      await deliverSingly(round, left.singles, limit, beat.keepLock, left.repairs);
      for (const batchId of left.toFinish) await queue.finishImport(batchId, clock.now());
      return round.report;
    } finally {
      await beat.stop();
      await watchBacklog(round, backlog).catch((error: unknown) => logger?.warn('Could not count the queue for the backlog warning', { error: String(error) }));
      await lock.release(token).catch(() => undefined);
    }
  };
}

// Claims the due backlog: a small one is sent one call each; a large one as imports while fewer than 25 are processing.
async function importBacklog(round: DeliveryRound, queue: SignupQueue & ImportLedger, active: ActiveImport[], left: ImportLeftovers, beat: LeaseHeartbeat): Promise<void> {
  const { clock, delivery, logger } = round.deps;
  try {
    await round.snapshot(); // every import needs the form definition: without it, claim nothing
  } catch (error) {
    logger?.warn('Queued signups wait: the form definition could not be loaded', { error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const claim = async (limit = delivery.importBatchSize) => {
    const claimed = await queue.claim({ now: clock.now(), limit, leaseMs: beat.claimMs });
    beat.hold(claimed);
    return claimed;
  };
  let claimed = active.length < MAX_ACTIVE_IMPORTS ? await claim() : [];
  if (claimed.length < delivery.bulkThreshold) {
    left.singles.push(...claimed);
    return;
  }
  // One claim as one import. Stop when Dotdigital said wait, at 25 imports or with the lock lost;
  // an import too large is claimed again as two halves, each as one import (recursively).
  const importClaim = async (entries: ClaimedSignup[]): Promise<'imported' | 'nothing' | 'stop'> => {
    const started = await startImport(round, queue, entries, left);
    if (started.active) active.push(started.active);
    if (started.stop || active.length >= MAX_ACTIVE_IMPORTS || !(await beat.keepLock())) return 'stop';
    if (started.split === undefined) return started.active ? 'imported' : 'nothing';
    const half = Math.ceil(started.split / 2);
    for (const size of [half, started.split - half]) {
      const part = await claim(size);
      if (part.length > 0 && (await importClaim(part)) === 'stop') return 'stop';
    }
    return 'imported';
  };
  // 'nothing': nothing claimed could be imported (all go one by one), so claim no more.
  while (claimed.length > 0 && (await importClaim(claimed)) === 'imported') claimed = await claim();
}
