import { describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { queuedSignup } from '../queue/signup-queue-contract.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

const open: RedisStores[] = [];
const redis = redisServerForFile(open);
let prefixes = 0;

/** Two instances of one proxy (a fresh queue for each test). */
async function twoInstances() {
  const prefix = `imports${++prefixes}`;
  const [a, b] = await Promise.all([0, 1].map(() => createRedisStores({ redis: redis.server.url, prefix, logger: { warn: () => undefined, error: () => undefined } })));
  open.push(a!, b!);
  for (let n = 0; n < 6; n++) await a!.queue.add(queuedSignup(`i${n}`, { acceptedAt: n }));
  return { a: a!.queue, b: b!.queue };
}
const ids = (entries: Array<{ id: string }>) => entries.map((e) => e.id);

describe('Redis queue: the bulk-import ledger', () => {
  it('parks a batch: no claim hands its entries out, even after their lease ended', async () => {
    const { a, b } = await twoInstances();
    const claimed = await a.claim({ now: 0, limit: 4, leaseMs: 1_000 });
    const batch = await a.beginImport({ entries: claimed, now: 0 });
    expect(batch).toMatchObject({ batchId: expect.any(String), startedAt: 0 });
    expect(batch!.entries).toEqual(claimed.map(({ id, lease }) => ({ id, lease })));
    expect(ids(await b.claim({ now: 1_000_000, limit: 10, leaseMs: 1_000 }))).toEqual(['i4', 'i5']);
    expect(await b.unfinishedImports()).toEqual([batch]);
  });

  it('parks only entries still held under the given lease', async () => {
    const { a, b } = await twoInstances();
    const stale = await a.claim({ now: 0, limit: 2, leaseMs: 1_000 });
    const taken = await b.claim({ now: 5_000, limit: 1, leaseMs: 1_000 }); // i0's lease ran out: b holds it now
    expect(ids(taken)).toEqual(['i0']);
    expect(ids((await a.beginImport({ entries: stale, now: 5_000 }))!.entries)).toEqual(['i1']);
    expect(await a.beginImport({ entries: stale.slice(0, 1), now: 5_000 })).toBeUndefined();
    await a.remove('i2');
    expect(await a.beginImport({ entries: [{ id: 'i2', lease: taken[0]!.lease }], now: 5_000 })).toBeUndefined();
  });

  it('a drainer taking over finds the import id, settles the entries, and the rest come back', async () => {
    const { a, b } = await twoInstances();
    const claimed = await a.claim({ now: 0, limit: 4, leaseMs: 1_000 });
    const batch = (await a.beginImport({ entries: claimed, now: 0 }))!;
    await a.markImport(batch.batchId, 'dd-import-42');
    // a dies; b holds the drain lock now and looks for unfinished imports first.
    const [found] = await b.unfinishedImports();
    expect(found).toEqual({ ...batch, importId: 'dd-import-42' });
    await b.remove('i0'); // created
    await b.remove('i1'); // updated
    await b.reschedule('i2', found!.entries[2]!.lease, { dueAt: 50_000, attempts: 1 }); // consentRecordsNotApplied: single call later
    await b.finishImport(found!.batchId, 10_000); // i3: not in the report → claimable again now
    expect(await b.unfinishedImports()).toEqual([]);
    expect(ids(await b.claim({ now: 10_000, limit: 10, leaseMs: 100_000 }))).toEqual(['i3', 'i4', 'i5']);
    expect(await b.claim({ now: 49_999, limit: 10, leaseMs: 1 })).toEqual([]);
    expect(await b.claim({ now: 50_000, limit: 10, leaseMs: 1 })).toMatchObject([{ id: 'i2', attempts: 1 }]);
    expect(await b.size()).toBe(4);
  });

  it('a batch whose PUT was never answered has no import id, and finishing it sends its entries again', async () => {
    const { a, b } = await twoInstances();
    const batch = (await a.beginImport({ entries: await a.claim({ now: 0, limit: 2, leaseMs: 1_000 }), now: 0 }))!;
    const [found] = await b.unfinishedImports();
    expect(found).toEqual(batch);
    expect(found).not.toHaveProperty('importId');
    await b.finishImport(batch.batchId, 7);
    expect(ids(await b.claim({ now: 7, limit: 2, leaseMs: 1_000 }))).toEqual(['i0', 'i1']);
    await expect(b.markImport(batch.batchId, 'late')).rejects.toThrow(/No unfinished import batch/);
  });

  it('lists unfinished imports oldest first', async () => {
    const { a } = await twoInstances();
    const first = await a.beginImport({ entries: await a.claim({ now: 20, limit: 1, leaseMs: 1_000 }), now: 20 });
    const second = await a.beginImport({ entries: await a.claim({ now: 10, limit: 1, leaseMs: 1_000 }), now: 10 });
    expect((await a.unfinishedImports()).map((batch) => batch.batchId)).toEqual([second!.batchId, first!.batchId]);
  });
});
