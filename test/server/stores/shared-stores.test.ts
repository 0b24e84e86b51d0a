import { afterAll, beforeAll } from 'vitest';
import { createMemoryCallBudget } from '../../../src/server/dotdigital/memory-call-budget.js';
import { createMemoryDrainLock } from '../../../src/server/queue/memory-drain-lock.js';
import { createRedisStores, type RedisStores } from '../../../src/server/stores/redis/index.js';
import { startRedisServer, type TestRedisServer } from '../../support/redis-server.js';
import { describeCallBudgetContract } from './call-budget-contract.js';
import { describeDrainLockContract } from './drain-lock-contract.js';

// The call budget and the drain lock: one contract each, run against the memory store (one
// process) and against Redis with two clients (two instances of one proxy).
let server: TestRedisServer;
const open: RedisStores[] = [];
let prefixes = 0;

async function twoInstances(budget = {}) {
  const prefix = `shared${++prefixes}`;
  const made = await Promise.all([0, 1].map(() => createRedisStores({ redis: server.url, prefix, budget })));
  open.push(...made);
  return made as [RedisStores, RedisStores];
}

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await server.close();
});

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
