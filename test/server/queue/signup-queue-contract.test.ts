import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemorySignupQueue } from '../../../src/server/index.js';
import { createFileSignupQueue } from '../../../src/server/node/index.js';
import { afterAll, beforeAll } from 'vitest';
import { createRedisStores } from '../../../src/server/stores/redis/index.js';
import { startRedisServer, type TestRedisServer } from '../../support/redis-server.js';
import { describeSignupQueueContract } from './signup-queue-contract.js';

// Every store the package ships keeps the same promises.
describeSignupQueueContract('createMemorySignupQueue', async ({ maxEntries }) => ({ queue: createMemorySignupQueue({ maxEntries }), close: async () => undefined }));

describeSignupQueueContract('createFileSignupQueue', async ({ maxEntries }) => {
  const dir = await mkdtemp(join(tmpdir(), 'signup-queue-contract-'));
  const queue = await createFileSignupQueue({ path: join(dir, 'queue.jsonl'), maxEntries });
  return {
    queue,
    close: async () => {
      await queue.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

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
