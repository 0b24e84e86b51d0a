import { stat } from 'node:fs/promises';
import type { CallBudget } from '../../dotdigital/call-budget.js';
import { createDeadLetterEntries } from '../../queue/dead-letter-entries.js';
import type { DeadLetterStore } from '../../queue/dead-letters.js';
import type { ImportLedger } from '../../queue/import-ledger.js';
import type { QueueCounting } from '../../queue/queue-counts.js';
import { createQueueEntries } from '../../queue/queue-entries.js';
import type { Env } from '../env-values.js';
import { QueueFileInUseError } from '../claim-queue-file.js';
import { readJournal } from '../file-queue-journal.js';
import { createFileSignupQueue } from '../file-signup-queue.js';

/** The queue `serve` uses, opened by an operator's command: what it reads, and where it is. */
export interface CommandStore {
  /** `Redis at host:port` or the file's path: never a password. */
  where: string;
  queue: Pick<DeadLetterStore, 'deadLetters' | 'requeue'> & QueueCounting & Pick<ImportLedger, 'unfinishedImports'>;
  /** The shared call budget (Redis); a file queue's lives in the serve process's memory. */
  budget: CallBudget | undefined;
  close(): Promise<void>;
}

/** What went wrong opening the store: said to the operator as it is, exit code 1. */
export class CommandStoreError extends Error {
  override readonly name = 'CommandStoreError';
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Opens the queue the environment names, as `serve` does (`SIGNUP_REDIS_URL` or
 * `SIGNUP_QUEUE_FILE`). Redis is shared, so commands read and change it while `serve` runs. A
 * file queue belongs to one process: `write: false` reads its journal without taking it (leases
 * live in that process, so they are unknown); `write: true` takes the file, which `serve` must
 * have let go. Every failure is a {@link CommandStoreError} saying what to do.
 *
 * @example
 * const store = await openCommandStore(process.env, { write: false });
 * console.log(await store.queue.counts(Date.now()));
 */
export async function openCommandStore(env: Env, options: { write: boolean }): Promise<CommandStore> {
  const redisUrl = env.SIGNUP_REDIS_URL?.trim();
  const path = env.SIGNUP_QUEUE_FILE?.trim();
  if (redisUrl && path) throw new CommandStoreError('Set SIGNUP_REDIS_URL or SIGNUP_QUEUE_FILE, not both, as for `serve` (see README, "Deploy").');
  if (!redisUrl && !path) {
    throw new CommandStoreError('No signup queue is configured: run this with the environment of `serve`, SIGNUP_REDIS_URL (or SIGNUP_QUEUE_FILE) set to the queue it uses. Without either, serve queues nothing.');
  }
  if (redisUrl) {
    const { createRedisStores } = await import('../../stores/redis/index.js');
    let stores: ReturnType<typeof createRedisStores> | undefined;
    try {
      stores = createRedisStores({ redis: redisUrl, logger: quiet });
      await stores.ping(); // the first use connects: unreachable, a wrong password, TLS… said here, once
    } catch (error) {
      await stores?.close();
      throw new CommandStoreError(error instanceof Error ? error.message : String(error));
    }
    const opened = stores;
    const { host, port } = opened.redis.options;
    return { where: `Redis at ${host ?? '127.0.0.1'}:${port ?? 6379}`, queue: opened.queue, budget: opened.budget, close: () => opened.close() };
  }
  const file = path!;
  if (!(await stat(file).catch(() => undefined))) {
    throw new CommandStoreError(`The signup queue file ${file} (SIGNUP_QUEUE_FILE) does not exist: serve creates it when it starts. Check the path is the one serve uses.`);
  }
  if (options.write) {
    const queue = await createFileSignupQueue({ path: file, logger: quiet }).catch((error: unknown) => {
      if (error instanceof QueueFileInUseError) {
        throw new CommandStoreError(`serve (process ${error.owner}) holds the signup queue file ${file}: a file queue has one owner, so stop serve, run this again, then start serve. (With SIGNUP_REDIS_URL this works while serve runs.)`);
      }
      throw new CommandStoreError(error instanceof Error ? error.message : String(error));
    });
    return { where: file, queue, budget: undefined, close: () => queue.close() };
  }
  return { where: file, queue: await journalSnapshot(file), budget: undefined, close: async () => undefined };
}

// A file queue as its journal says now, read without taking the file from the serve process that owns it.
async function journalSnapshot(path: string): Promise<CommandStore['queue']> {
  const journal = await readJournal(path, undefined);
  const entries = createQueueEntries(Number.MAX_SAFE_INTEGER);
  const dead = createDeadLetterEntries(entries);
  for (const entry of journal.entries) entries.add(entry);
  for (const batch of journal.imports) entries.restoreImport(batch);
  for (const letter of journal.dead) dead.bury(letter);
  return {
    counts: async (now) => ({ ...entries.counts(now), leased: undefined, deadLetters: dead.size }),
    unfinishedImports: async () => entries.unfinishedImports(),
    deadLetters: async () => dead.all(),
    requeue: async () => {
      throw new CommandStoreError('A file queue read without taking it cannot change: open it with write access');
    },
  };
}
