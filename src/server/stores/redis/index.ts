export { createRedisStores } from './create-redis-stores.js';
export type { RedisStores, RedisStoresOptions } from './create-redis-stores.js';
export type { RedisSignupQueue } from './redis-signup-queue.js';
export type { CallBudget, CallBudgetOptions, CallOutcome, CallPermit } from '../call-budget.js';
export type { DrainLock } from '../drain-lock.js';
export type { ImportBatch, ImportLedger } from '../import-ledger.js';
export type { SharedRateLimiter } from '../shared-rate-limiter.js';
