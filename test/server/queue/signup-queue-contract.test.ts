import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemorySignupQueue } from '../../../src/server/index.js';
import { createFileSignupQueue } from '../../../src/server/node/index.js';
import { describeSignupQueueContract } from './signup-queue-contract.js';

// Every store the package ships keeps the same promises: the memory and file queues here, the
// Redis queue in test/server/stores/redis-queue-contract.test.ts (it needs a redis-server).
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
