import type { SignupLogger } from '../shared/signup-logger.js';
import type { SignupHandlerOptions } from '../signup-handler-options.js';
import { bad, positive, type Env } from './env-values.js';
import { createFileSignupQueue, type FileSignupQueue } from './file-signup-queue.js';

/** What {@link queueFromEnv} opened: options to spread into the handler's, and when to deliver. */
export interface QueueFromEnv {
  options: Pick<SignupHandlerOptions, 'queue' | 'queueDelivery'>;
  /** How often `serve` runs a delivery round. */
  intervalMs: number;
  /** Closes the queue file (after the server stopped). */
  close(): Promise<void>;
}

/**
 * Opens the durable queue the environment asks for: `SIGNUP_QUEUE_FILE` (the journal's
 * path; unset: no queue, Dotdigital outages answer 503), `SIGNUP_QUEUE_MAX_ENTRIES`,
 * `SIGNUP_QUEUE_MAX_AGE_HOURS` (default 72) and `SIGNUP_QUEUE_INTERVAL_SECONDS` (default 30).
 *
 * @example
 * const queued = await queueFromEnv(process.env, logger);
 * await listenSignup({ ...optionsFromEnv(process.env), ...queued?.options }, { deliverEveryMs: queued?.intervalMs });
 */
export async function queueFromEnv(env: Env, logger?: SignupLogger): Promise<QueueFromEnv | undefined> {
  const path = env.SIGNUP_QUEUE_FILE?.trim();
  const maxEntries = positive(env, 'SIGNUP_QUEUE_MAX_ENTRIES');
  const maxAgeHours = positive(env, 'SIGNUP_QUEUE_MAX_AGE_HOURS');
  const intervalSeconds = positive(env, 'SIGNUP_QUEUE_INTERVAL_SECONDS');
  if (!path) return undefined;
  if (maxEntries !== undefined && !Number.isSafeInteger(maxEntries)) bad('SIGNUP_QUEUE_MAX_ENTRIES', env.SIGNUP_QUEUE_MAX_ENTRIES ?? '', 'use a whole number');
  const queue: FileSignupQueue = await createFileSignupQueue({ path, ...(maxEntries ? { maxEntries } : {}), ...(logger ? { logger } : {}) });
  return {
    options: { queue, ...(maxAgeHours ? { queueDelivery: { maxAgeMs: maxAgeHours * 3_600_000 } } : {}) },
    intervalMs: (intervalSeconds ?? 30) * 1000,
    close: () => queue.close(),
  };
}
