import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { describeCallBudgetContract } from './call-budget-contract.js';
import { describeDrainLockContract } from './drain-lock-contract.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

// The call budget and the drain lock: one contract each, run against Redis with two clients (two
// instances of one proxy); test/server/memory-stores.test.ts runs them against the memory stores.
const open: RedisStores[] = [];
const redis = redisServerForFile(open);
let prefixes = 0;

async function twoInstances(budget = {}) {
  const prefix = `shared${++prefixes}`;
  const made = await Promise.all([0, 1].map(() => createRedisStores({ redis: redis.server.url, prefix, budget })));
  open.push(...made);
  return made as [RedisStores, RedisStores];
}

describeCallBudgetContract('Redis budget', async (options) => {
  const [a, b] = await twoInstances(options);
  return [a.budget, b.budget];
});
describeDrainLockContract('Redis lock', async () => {
  const [a, b] = await twoInstances();
  return [a.drainLock, b.drainLock];
});
