import { createMemoryCallBudget } from '../../../src/server/dotdigital/memory-call-budget.js';
import { createMemoryDrainLock } from '../../../src/server/queue/memory-drain-lock.js';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { describeCallBudgetContract } from './call-budget-contract.js';
import { describeDrainLockContract } from './drain-lock-contract.js';
import { redisServerForFile } from '../../support/redis-for-file.js';

// The call budget and the drain lock: one contract each, run against the memory store (one
// process) and against Redis with two clients (two instances of one proxy).
const open: RedisStores[] = [];
const redis = redisServerForFile(open);
let prefixes = 0;

async function twoInstances(budget = {}) {
  const prefix = `shared${++prefixes}`;
  const made = await Promise.all([0, 1].map(() => createRedisStores({ redis: redis.server.url, prefix, budget })));
  open.push(...made);
  return made as [RedisStores, RedisStores];
}

describeCallBudgetContract('memory budget', async (options) => {
  const budget = createMemoryCallBudget(options);
  return [budget, budget];
});
describeCallBudgetContract('Redis budget', async (options) => {
  const [a, b] = await twoInstances(options);
  return [a.budget, b.budget];
});
describeDrainLockContract('memory lock', async () => {
  const lock = createMemoryDrainLock();
  return [lock, lock];
});
describeDrainLockContract('Redis lock', async () => {
  const [a, b] = await twoInstances();
  return [a.drainLock, b.drainLock];
});
