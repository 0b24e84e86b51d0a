import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemorySignupQueue } from '../../../src/server/index.js';
import { createFileSignupQueue } from '../../../src/server/node/index.js';
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
