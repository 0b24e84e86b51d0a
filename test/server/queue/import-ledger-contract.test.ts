import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemorySignupQueue, type SignupQueue } from '../../../src/server/index.js';
import { createFileSignupQueue } from '../../../src/server/node/index.js';
import type { ImportLedger } from '../../../src/server/queue/import-ledger.js';
import { queuedEntry } from './signup-queue-contract.js';

type LedgerQueue = SignupQueue & ImportLedger;
const ids = (entries: Array<{ id: string }>) => entries.map((e) => e.id);

// The ImportLedger protocol (import-ledger.ts) as the memory and file queues keep it; the Redis
// queue's own test (test/server/stores/redis-import-ledger.test.ts) holds it to the same steps.
const stores: Record<string, () => Promise<{ queue: LedgerQueue; close(): Promise<void> }>> = {
  createMemorySignupQueue: async () => ({ queue: createMemorySignupQueue(), close: async () => undefined }),
  createFileSignupQueue: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'import-ledger-'));
    const queue = await createFileSignupQueue({ path: join(dir, 'queue.jsonl') });
    return { queue, close: async () => (await queue.close(), await rm(dir, { recursive: true, force: true })) };
  },
};

describe.each(Object.keys(stores))('%s: the import ledger', (name) => {
  const withSix = (test: (queue: LedgerQueue) => Promise<void>) => async () => {
    const opened = await stores[name]!();
    try {
      for (let n = 0; n < 6; n++) await opened.queue.add(queuedEntry(`i${n}`, { acceptedAt: n, dueAt: 0 }));
      await test(opened.queue);
    } finally {
      await opened.close();
    }
  };

  it('parks a batch: no claim hands its entries out, even after their lease ended', withSix(async (queue) => {
    const claimed = await queue.claim({ now: 0, limit: 4, leaseMs: 1_000 });
    const batch = await queue.beginImport({ entries: claimed, now: 0 });
    expect(batch!.entries).toEqual(claimed.map(({ id, lease }) => ({ id, lease })));
    expect(ids(await queue.claim({ now: 1_000_000, limit: 10, leaseMs: 1_000 }))).toEqual(['i4', 'i5']);
    expect(await queue.unfinishedImports()).toEqual([batch]);
  }));

  it('parks only entries still held under the given lease', withSix(async (queue) => {
    const stale = await queue.claim({ now: 0, limit: 2, leaseMs: 1_000 });
    expect(ids(await queue.claim({ now: 5_000, limit: 1, leaseMs: 1_000 }))).toEqual(['i0']);
    expect(ids((await queue.beginImport({ entries: stale, now: 5_000 }))!.entries)).toEqual(['i1']);
    expect(await queue.beginImport({ entries: stale.slice(0, 1), now: 5_000 })).toBeUndefined();
  }));

  it('keeps the import id, reads entries back, and settles: removed, rescheduled, the rest claimable again', withSix(async (queue) => {
    const claimed = await queue.claim({ now: 0, limit: 3, leaseMs: 1_000 });
    const batch = (await queue.beginImport({ entries: claimed, now: 0 }))!;
    await queue.markImport(batch.batchId, 'imp-1');
    expect(await queue.unfinishedImports()).toEqual([{ ...batch, importId: 'imp-1' }]);
    expect(ids(await queue.readEntries(['i2', 'i0', 'gone'])).sort()).toEqual(['i0', 'i2']);
    expect((await queue.readEntries(['i1']))[0]!.contact.email).toBe('i1@example.com');
    await queue.remove('i0');
    await queue.reschedule('i1', batch.entries[1]!.lease, { dueAt: 50_000, attempts: 1 });
    await queue.finishImport(batch.batchId, 10_000);
    expect(await queue.unfinishedImports()).toEqual([]);
    expect(ids(await queue.claim({ now: 10_000, limit: 10, leaseMs: 100_000 }))).toEqual(['i2', 'i3', 'i4', 'i5']);
    expect(ids(await queue.claim({ now: 50_000, limit: 10, leaseMs: 1_000 }))).toEqual(['i1']);
    await expect(queue.markImport(batch.batchId, 'late')).rejects.toThrow(/No unfinished import batch/);
  }));
});
