import { createMemoryCallBudget } from '../../src/server/dotdigital/memory-call-budget.js';
import { createMemoryDrainLock } from '../../src/server/queue/memory-drain-lock.js';
import { describeCallBudgetContract } from './stores/call-budget-contract.js';
import { describeDrainLockContract } from './stores/drain-lock-contract.js';

// The call budget and the drain lock of one process keep the contracts the Redis stores keep
// for many (test/server/stores/shared-stores.test.ts); one instance plays both sides.
describeCallBudgetContract('memory budget', async (options) => {
  const budget = createMemoryCallBudget(options);
  return [budget, budget];
});
describeDrainLockContract('memory lock', async () => {
  const lock = createMemoryDrainLock();
  return [lock, lock];
});
