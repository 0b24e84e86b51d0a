import type { Redis } from 'ioredis';
import { requeuedEntry, type DeadLetter, type DeadLetterStore } from '../../queue/dead-letters.js';
import type { QueueCounting } from '../../queue/queue-counts.js';
import { readDeadLetter } from '../../queue/read-queued-signup.js';
import type { SignupLogger } from '../../shared/signup-logger.js';
import { BURY_LUA, BURY_OVERDUE_LUA, COUNTS_LUA, FORGET_DEAD_LUA, REQUEUE_LUA } from './dead-letter-scripts.js';
import { defineScript } from './redis-client.js';
import type { QueueKeys } from './queue-keys.js';

/**
 * The dead letters of the Redis queue, and its counts: an entry moves to the `dead` hash in the
 * same script that takes it out of the queue, and back the same way, so it is never in both or
 * in neither. A letter keeps the entry's JSON as it was added.
 *
 * @example
 * const dead = redisDeadLetters(redis, keys, entryKeys, logger);
 * await dead.requeue({ ids: 'all', now: Date.now() });
 */
export function redisDeadLetters(redis: Redis, keys: QueueKeys, entryKeys: string[], logger: Pick<SignupLogger, 'warn'>): DeadLetterStore & QueueCounting {
  const deadKeys = [...entryKeys, keys.dead, keys.deadOrder];
  const bury = defineScript(redis, 'ddsDeadBury', 8, BURY_LUA);
  const buryOverdue = defineScript(redis, 'ddsDeadBuryOverdue', 8, BURY_OVERDUE_LUA);
  const requeue = defineScript(redis, 'ddsDeadRequeue', 8, REQUEUE_LUA);
  const forget = defineScript(redis, 'ddsDeadForget', 2, FORGET_DEAD_LUA);
  const counts = defineScript(redis, 'ddsQueueCounts', 6, COUNTS_LUA);
  // Unreadable letters (written by other software) are skipped and named, never deleted.
  const read = (id: string, json: string): DeadLetter[] => {
    const found = readDeadLetter(json);
    if ('letter' in found) return [found.letter];
    logger.warn('Skipped an unreadable dead letter in Redis', { id, problem: found.problem, key: keys.dead });
    return [];
  };
  return {
    async bury(letter) {
      const json = JSON.stringify({ ...letter, attempts: letter.entry.attempts });
      await bury(deadKeys, [letter.entry.id, json, letter.diedAt]);
    },
    async buryOverdue({ queuedBefore, now, limit }) {
      const letters = (await buryOverdue(deadKeys, [queuedBefore, now, limit])) as string[];
      return letters.flatMap((json) => read('(overdue)', json));
    },
    async deadLetters() {
      const all = await redis.hgetall(keys.dead);
      return Object.entries(all).flatMap(([id, json]) => read(id, json)).sort((a, b) => a.diedAt - b.diedAt);
    },
    async requeue({ ids, now }) {
      const wanted = ids === 'all' ? await redis.hkeys(keys.dead) : [...new Set(ids)];
      if (wanted.length === 0) return { requeued: [] };
      const jsons = await redis.hmget(keys.dead, ...wanted);
      const unknown = wanted.filter((_, i) => jsons[i] === null);
      if (unknown.length > 0) return { unknown };
      const entries = wanted.flatMap((id, i) => read(id, jsons[i]!).map((letter) => requeuedEntry(letter, now)));
      if (entries.length < wanted.length) return { unknown: wanted.filter((id) => !entries.some((entry) => entry.id === id)) };
      const missing = (await requeue(deadKeys, [now, ...entries.flatMap((entry) => [entry.id, JSON.stringify(entry)])])) as string[];
      return missing.length > 0 ? { unknown: missing } : { requeued: entries };
    },
    forgetDeadLetters: async (diedBefore) => (await forget([keys.dead, keys.deadOrder], [diedBefore])) as number,
    async counts(now) {
      const [queued, due, leased, inImports, oldest, deadLetters] = (await counts([keys.entries, keys.order, keys.waiting, keys.ready, keys.leases, keys.deadOrder], [now])) as [number, number, number, number, string, number];
      return { queued, due, leased, inImports, oldestQueuedAt: oldest === '' ? undefined : Number(oldest), deadLetters };
    },
  };
}
