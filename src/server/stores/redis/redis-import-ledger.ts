import type { Redis } from 'ioredis';
import type { ImportBatch, ImportLedger } from '../../queue/import-ledger.js';
import { readQueuedSignup } from '../../queue/read-queued-signup.js';
import { defineScript } from './redis-client.js';
import type { QueueKeys } from './queue-keys.js';
import { BEGIN_IMPORT_LUA, FINISH_IMPORT_LUA, MARK_IMPORT_LUA } from './queue-scripts.js';

/**
 * The {@link ImportLedger} of the Redis queue: a batch parks its entries (takes them out of
 * the waiting and ready sets) and is recorded in the same script, so no moment exists where an entry is
 * neither claimable nor in a recorded batch.
 *
 * @example
 * const ledger = redisImportLedger(redis, keys, entryKeys);
 * for (const batch of await ledger.unfinishedImports()) await settle(batch);
 */
export function redisImportLedger(redis: Redis, keys: QueueKeys, entryKeys: string[]): ImportLedger {
  const begin = defineScript(redis, 'ddsImportBegin', 7, BEGIN_IMPORT_LUA);
  const mark = defineScript(redis, 'ddsImportMark', 2, MARK_IMPORT_LUA);
  const finish = defineScript(redis, 'ddsImportFinish', 8, FINISH_IMPORT_LUA);
  return {
    async beginImport({ entries, now }) {
      const batchId = crypto.randomUUID();
      const parked = (await begin([...entryKeys, keys.imports], [batchId, now, ...entries.flatMap((e) => [e.id, e.lease])])) as string[];
      if (parked.length === 0) return undefined;
      return { batchId, entries: pairs(parked), startedAt: now };
    },
    async markImport(batchId, importId) {
      if ((await mark([keys.imports, keys.importIds], [batchId, importId])) === 0) throw new Error(`No unfinished import batch ${batchId}: it was finished already, or never begun`);
    },
    async unfinishedImports() {
      const [batches, importIds] = await Promise.all([redis.hgetall(keys.imports), redis.hgetall(keys.importIds)]);
      const found: ImportBatch[] = Object.entries(batches).map(([batchId, raw]) => {
        const record = JSON.parse(raw) as { startedAt: string; entries: string[] };
        const batch: ImportBatch = { batchId, entries: pairs(record.entries), startedAt: Number(record.startedAt) };
        if (importIds[batchId] !== undefined) batch.importId = importIds[batchId];
        return batch;
      });
      return found.sort((a, b) => a.startedAt - b.startedAt);
    },
    finishImport: async (batchId, now) => void (await finish([...entryKeys, keys.imports, keys.importIds], [batchId, now])),
    async readEntries(ids) {
      if (ids.length === 0) return [];
      const [jsons, states] = await Promise.all([redis.hmget(keys.entries, ...ids), redis.hmget(keys.state, ...ids)]);
      return jsons.flatMap((json, i) => {
        const read = json === null ? undefined : readQueuedSignup(json);
        if (!read || !('entry' in read)) return []; // gone, or malformed: claim moves those aside
        const [dueAt, attempts] = (states[i] ?? '').split(':').map(Number);
        return [{ ...read.entry, ...(Number.isFinite(dueAt) && Number.isFinite(attempts) ? { dueAt: dueAt!, attempts: attempts! } : {}) }];
      });
    },
  };
}

const pairs = (flat: string[]) => Array.from({ length: flat.length / 2 }, (_, i) => ({ id: flat[2 * i]!, lease: flat[2 * i + 1]! }));
