import { afterAll, beforeAll } from 'vitest';
import { createRedisStores } from '../../../src/server/stores/redis/index.js';
import { startRedisServer, type TestRedisServer } from '../../support/redis-server.js';
import { describeSignupQueueContract } from '../queue/signup-queue-contract.js';

// The SignupQueue contract the memory and file queues keep (test/server/queue/signup-queue-contract.test.ts), against Redis.
let redis: TestRedisServer;
let prefixes = 0;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis.close());

describeSignupQueueContract('createRedisStores().queue', async ({ maxEntries }) => {
  const stores = createRedisStores({ redis: redis.url, prefix: `contract${++prefixes}`, maxEntries, logger: { warn: () => undefined, error: () => undefined } });
  return { queue: stores.queue, close: () => stores.close() };
});
