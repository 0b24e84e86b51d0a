export { createRedisStores } from './create-redis-stores.js';
export type { RedisStores, RedisStoresOptions } from './create-redis-stores.js';
export type { RedisSignupQueue } from './redis-signup-queue.js';
export type { CallBudget, CallBudgetOptions, CallBudgetState, CallOutcome, CallPermit } from '../../dotdigital/call-budget.js';
export type { DrainLock } from '../../queue/drain-lock.js';
export type { ImportBatch, ImportLedger } from '../../queue/import-ledger.js';
export type { DeadLetter, DeadLetterStore } from '../../queue/dead-letters.js';
export type { QueueCounts } from '../../queue/queue-counts.js';
export type { SharedRateLimiter } from '../../http/shared-rate-limiter.js';
