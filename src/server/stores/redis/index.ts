export { createRedisStores } from './create-redis-stores.js';
export type { RedisStores, RedisStoresOptions } from './create-redis-stores.js';
export { RedisUnavailableError } from './redis-connection.js';
export type { RedisProblem } from './redis-problem.js';
export type { RedisSignupQueue } from './redis-signup-queue.js';
export type { CallBudget, CallBudgetOptions, CallOutcome, CallPermit } from '../../dotdigital/call-budget.js';
export type { DrainLock } from '../../queue/drain-lock.js';
export type { ImportBatch, ImportLedger } from '../../queue/import-ledger.js';
export type { SharedRateLimiter } from '../../http/shared-rate-limiter.js';
