import type { Redis } from 'ioredis';
import type { SignupLogger } from '../../shared/signup-logger.js';
import { SignupQueueFullError, type ClaimedSignup, type SignupQueue } from '../../queue/signup-queue.js';
import type { DeadLetterStore } from '../../queue/dead-letters.js';
import type { ImportLedger } from '../../queue/import-ledger.js';
import type { QueueCounting } from '../../queue/queue-counts.js';
import { readQueuedSignup } from '../../queue/read-queued-signup.js';
import { defineScript } from './redis-client.js';
import { redisDeadLetters } from './redis-dead-letters.js';
import { redisImportLedger } from './redis-import-ledger.js';
import { queueKeys } from './queue-keys.js';
import { ADD_LUA, CLAIM_LUA, EXPIRE_MALFORMED_LUA, QUARANTINE_LUA, REMOVE_LUA, RENEW_LUA, RESCHEDULE_LUA } from './queue-scripts.js';

/** A {@link SignupQueue} in Redis, with the bulk-import ledger, dead letters, its size and counts. */
export interface RedisSignupQueue extends SignupQueue, ImportLedger, DeadLetterStore, QueueCounting {
  renewLeases: NonNullable<SignupQueue['renewLeases']>;
  /** Entries held, parked in imports included. */
  size(): Promise<number>;
}

/** Options of {@link createRedisSignupQueue}. */
export interface RedisSignupQueueOptions {
  /** Namespace of its keys (several proxies may share one Redis). */
  prefix: string;
  /** Most signups held; over it `add` rejects with `SignupQueueFullError`. */
  maxEntries: number;
  /** Told about malformed entries, which are moved aside. */
  logger: Pick<SignupLogger, 'warn' | 'error'>;
  /** How long a malformed entry is kept aside before it is deleted (it may hold an address). Default 7 days. */
  malformedRetentionMs?: number;
}

/** How long malformed entries are kept by default: a week to look at them, then they go. */
export const DEFAULT_MALFORMED_RETENTION_MS = 7 * 86_400_000;
// Expiring is checked at most this often per instance (a claim runs every delivery round).
const EXPIRE_EVERY_MS = 3_600_000;

/**
 * The signup queue every instance shares: entries in a hash, sorted sets of those waiting
 * (by when they are due) and those ready (by acceptance, so the oldest goes first), each step a Lua script so a claim of thousands of entries is one atomic step
 * (two claimers never get the same entry) and a reschedule checks its lease in the same step
 * that applies it. Durable as far as Redis is: run it with `appendonly yes`. A malformed entry is
 * moved aside (`…:queue:malformed`) and deleted after `malformedRetentionMs` (checked hourly by claims).
 *
 * @example
 * const queue = createRedisSignupQueue(redis, { prefix: 'signup', maxEntries: 100_000, logger: console });
 * await queue.add(entry);
 * const batch = await queue.claim({ now: Date.now(), limit: 2_000, leaseMs: 10 * 60_000 });
 */
export function createRedisSignupQueue(redis: Redis, options: RedisSignupQueueOptions): RedisSignupQueue {
  const { maxEntries, logger } = options;
  const retentionMs = options.malformedRetentionMs ?? DEFAULT_MALFORMED_RETENTION_MS;
  if (!(Number.isSafeInteger(maxEntries) && maxEntries >= 1)) throw new TypeError(`maxEntries must be a whole number ≥ 1, not ${maxEntries}`);
  if (!(Number.isFinite(retentionMs) && retentionMs >= 1_000)) throw new TypeError(`malformedRetentionMs must be at least 1000, not ${retentionMs}`);
  const keys = queueKeys(options.prefix);
  const entryKeys = [keys.entries, keys.state, keys.order, keys.waiting, keys.ready, keys.leases];
  const add = defineScript(redis, 'ddsQueueAdd', 6, ADD_LUA);
  const claim = defineScript(redis, 'ddsQueueClaim', 6, CLAIM_LUA);
  const remove = defineScript(redis, 'ddsQueueRemove', 6, REMOVE_LUA);
  const quarantine = defineScript(redis, 'ddsQueueQuarantine', 8, QUARANTINE_LUA);
  const expireMalformed = defineScript(redis, 'ddsQueueExpireMalformed', 2, EXPIRE_MALFORMED_LUA);
  let expiredAt = -Infinity;
  const reschedule = defineScript(redis, 'ddsQueueReschedule', 6, RESCHEDULE_LUA);
  const renew = defineScript(redis, 'ddsQueueRenew', 6, RENEW_LUA);

  return {
    ...redisImportLedger(redis, keys, entryKeys),
    ...redisDeadLetters(redis, keys, entryKeys, logger),
    size: () => redis.hlen(keys.entries),
    async add(entry) {
      const added = await add(entryKeys, [entry.id, JSON.stringify(entry), entry.dueAt, entry.attempts, entry.acceptedAt, maxEntries]);
      if (added === -1) throw new SignupQueueFullError(`The signup queue is full (${maxEntries} entries): Dotdigital has been unreachable for long, or delivery is not running`);
    },
    async claim({ now, limit, leaseMs }) {
      if (now - expiredAt >= EXPIRE_EVERY_MS) {
        expiredAt = now;
        await expireMalformed([keys.malformed, keys.malformedAt], [now, now - retentionMs]);
      }
      if (limit < 1) return [];
      const lease = crypto.randomUUID();
      const flat = (await claim(entryKeys, [now, limit, now + leaseMs, lease])) as string[];
      const claimed: ClaimedSignup[] = [];
      for (let i = 0; i < flat.length; i += 3) {
        const [id, json, state] = [flat[i]!, flat[i + 1]!, flat[i + 2]!];
        const read = readQueuedSignup(json);
        const [dueAt, attempts] = state.split(':').map(Number);
        const problem = 'problem' in read ? read.problem : read.entry.id !== id ? 'id differs from its key' : !Number.isFinite(dueAt) || !Number.isFinite(attempts) ? 'unreadable state' : undefined;
        if (problem !== undefined || !('entry' in read)) {
          // Moved aside, not deleted: whoever wrote it may want it back; the claim carries on.
          await quarantine([...entryKeys, keys.malformed, keys.malformedAt], [id, now]);
          logger.warn('Skipped a malformed signup queue entry in Redis (moved to the malformed hash)', { id, problem, key: keys.malformed });
          continue;
        }
        claimed.push({ ...read.entry, dueAt: dueAt!, attempts: attempts!, lease });
      }
      return claimed;
    },
    remove: async (id) => void (await remove(entryKeys, [id])),
    reschedule: async (id, lease, next) => void (await reschedule(entryKeys, [id, lease, next.dueAt, next.attempts])),
    async renewLeases({ entries, until }) {
      // In slices, so one heartbeat never holds Redis for long however many entries a round holds.
      for (let i = 0; i < entries.length; i += 1_000) {
        await renew(entryKeys, [until, ...entries.slice(i, i + 1_000).flatMap((e) => [e.id, e.lease])]);
      }
    },
  };
}
