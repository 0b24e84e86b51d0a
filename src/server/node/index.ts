export { toNodeListener } from './to-node-listener.js';
export { createNodeFetch } from './create-node-fetch.js';
export { listenSignup } from './listen-signup.js';
export { DEFAULT_CONSENT_TEXT, optionsFromEnv } from './options-from-env.js';
export { createFileSignupQueue } from './file-signup-queue.js';
export type { FileSignupQueue, FileSignupQueueOptions } from './file-signup-queue.js';
export { queueFromEnv } from './queue-from-env.js';
export type { QueueFromEnv } from './queue-from-env.js';
