import { access, constants, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createDeadLetterEntries } from '../queue/dead-letter-entries.js';
import type { DeadLetterStore } from '../queue/dead-letters.js';
import type { ImportLedger } from '../queue/import-ledger.js';
import type { QueueCounting } from '../queue/queue-counts.js';
import { DEFAULT_QUEUE_MAX_ENTRIES } from '../queue/memory-signup-queue.js';
import { createQueueEntries } from '../queue/queue-entries.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { SignupQueue } from '../queue/signup-queue.js';
import { claimQueueFile } from './claim-queue-file.js';
import { fileDeadLetters } from './file-dead-letters.js';
import { compactJournal, readJournal, type JournalLine } from './file-queue-journal.js';

/** Options of {@link createFileSignupQueue}. */
export interface FileSignupQueueOptions {
  /** The journal file, e.g. `/var/lib/signup/queue.jsonl`; created (mode 600) if missing. */
  path: string;
  /** Most signups held; over it the proxy answers 503. Default 10 000. */
  maxEntries?: number;
  /** Told about lines it had to skip when reading the file, and a compaction that failed. */
  logger?: SignupLogger;
  /**
   * How soon a delivered or dropped signup's data leaves the file: the file is rewritten
   * without it this long after it left the queue (and at `close()`). Default 60 000 ms.
   */
  compactAfterMs?: number;
}

/** A file-backed {@link SignupQueue} with its bulk-import ledger and dead letters; `close()` before another process may open the file. */
export interface FileSignupQueue extends SignupQueue, ImportLedger, DeadLetterStore, QueueCounting {
  renewLeases: NonNullable<SignupQueue['renewLeases']>;
  readonly size: number;
  /** Resolves when signups can be queued now (open, its folder writable, its last write whole); else rejects saying why. */
  ready(): Promise<void>;
  /** `queueFile`: what readiness reports it as. */
  readonly readyName: string;
  close(): Promise<void>;
}

/**
 * A durable signup queue for Node: a JSON-lines journal, each change appended and fsynced
 * before it is acknowledged, so a signup answered `202 queued` survives a crash or restart.
 * On open the file is read (a torn last line from a crash is skipped) and rewritten with
 * only the live entries (temp file, fsync, atomic rename); it is compacted the same way as
 * it grows, `compactAfterMs` (1 minute) after an entry leaves it, and at `close()`: a
 * delivered or dropped signup's personal data does not stay on disk. The bulk-import ledger is journalled the same way, so a process killed while
 * Dotdigital processes an import resumes polling it after the restart, and so are dead letters. One process owns a file at a time (a `.lock` file beside it says which), as
 * claims are kept in that process's memory. The file holds personal data until delivered:
 * keep it on a private volume.
 *
 * @example
 * const queue = await createFileSignupQueue({ path: '/var/lib/signup/queue.jsonl' });
 * const handler = createSignupHandler({ ...options, queue });
 */
export async function createFileSignupQueue(options: FileSignupQueueOptions): Promise<FileSignupQueue> {
  const { path, logger } = options;
  const compactAfterMs = options.compactAfterMs ?? 60_000;
  if (!(Number.isFinite(compactAfterMs) && compactAfterMs >= 1)) throw new TypeError(`createFileSignupQueue: compactAfterMs must be a number of milliseconds ≥ 1, not ${compactAfterMs}`);
  const release = await claimQueueFile(path);
  const entries = createQueueEntries(options.maxEntries ?? DEFAULT_QUEUE_MAX_ENTRIES);
  const dead = createDeadLetterEntries(entries);
  let handle: FileHandle;
  try {
    const journal = await readJournal(path, logger);
    for (const entry of journal.entries) entries.add(entry, { overBound: true });
    for (const batch of journal.imports) entries.restoreImport(batch);
    for (const letter of journal.dead) dead.bury(letter);
    handle = await compactJournal(path, entries.all(), entries.unfinishedImports(), dead.all());
  } catch (error) {
    await release();
    throw error;
  }
  let lines = entries.size + dead.size;
  let closed = false;
  let chain: Promise<unknown> = Promise.resolve();
  // One change at a time, in order: appends never interleave with a compaction.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
  // After a failed write (a full disk can cut a line short) the file's tail is unknown: the next
  // change rewrites it from memory first, or its line would be glued onto the torn one and lost.
  let damaged = false;
  // Entries removed since the file was last rewritten: their lines (address, consent record, IP) are still in it.
  let removed = 0;
  const rewrite = async () => {
    await handle.close().catch(() => undefined);
    [handle, lines, damaged, removed] = [await compactJournal(path, entries.all(), entries.unfinishedImports(), dead.all()), entries.size + dead.size, false, 0];
  };
  const failedRewrite = (error: unknown) =>
    logger?.error('Could not rewrite the signup queue file without the signups that left it (they stay in it until a later rewrite)', { path, error: error instanceof Error ? error.message : String(error) });
  let compaction: ReturnType<typeof setTimeout> | undefined;
  const compactSoon = () => {
    compaction ??= setTimeout(() => {
      compaction = undefined;
      serial(async () => void (removed > 0 && (await rewrite()))).catch(failedRewrite);
    }, compactAfterMs);
    // A pending rewrite should not keep a process alive that has nothing else to do; close() does it anyway.
    (compaction as { unref?: () => void }).unref?.();
  };
  const append = async (line: JournalLine) => {
    if (damaged) await rewrite();
    damaged = true; // until the whole line is on disk
    await handle.appendFile(`${JSON.stringify(line)}\n`);
    await handle.datasync();
    damaged = false;
    if (++lines > 2 * (entries.size + dead.size) + 1_000) await rewrite();
  };
  return {
    get size() {
      return entries.size;
    },
    add: (entry) =>
      serial(async () => {
        // Room is checked first, so a full queue leaves the file as it was; claimable once on disk.
        entries.checkRoom();
        await append({ add: entry });
        entries.add(entry);
      }),
    claim: async (request) => entries.claim(request),
    // Leases live in memory only (a restarted process holds none): nothing to write.
    renewLeases: async ({ entries: held, until }) => entries.renew(held, until),
    remove: (id) =>
      serial(async () => {
        if (!entries.remove(id)) return;
        await append({ remove: id });
        removed++;
        compactSoon();
      }),
    reschedule: (id, lease, next) =>
      serial(async () => void (entries.reschedule(id, lease, next) && (await append({ reschedule: { id, dueAt: next.dueAt, attempts: next.attempts } })))),
    // A batch is on disk before the PUT that sends it, and its import id before it is polled.
    beginImport: (request) =>
      serial(async () => {
        const batch = entries.beginImport(request);
        if (batch) await append({ begin: batch });
        return batch;
      }),
    markImport: (batchId, importId) =>
      serial(async () => {
        if (!entries.markImport(batchId, importId)) throw new Error(`No unfinished import batch ${batchId}: it was finished already, or never begun`);
        await append({ mark: { batchId, importId } });
      }),
    unfinishedImports: async () => entries.unfinishedImports(),
    finishImport: (batchId, now) => serial(async () => void (entries.finishImport(batchId, now) && (await append({ finish: batchId })))),
    readEntries: async (ids) => entries.read(ids),
    ...fileDeadLetters(entries, dead, { serial, append, gone: (count) => ((removed += count), compactSoon()) }),
    counts: async (now) => ({ ...entries.counts(now), deadLetters: dead.size }),
    readyName: 'queueFile',
    ready: () =>
      serial(async () => {
        if (closed) throw new Error(`The signup queue file ${path} is closed`);
        if (damaged) await rewrite(); // a failed write is mended here, or says why it cannot be
        await access(dirname(path), constants.W_OK).catch(() => {
          throw new Error(`The folder of the signup queue file ${path} is not writable by this process: signups cannot be queued`);
        });
      }),
    close: () =>
      serial(async () => {
        closed = true;
        clearTimeout(compaction);
        if (removed > 0 || damaged) await rewrite().catch(failedRewrite); // a clean stop leaves no delivered signup behind
        await handle.close().catch(() => undefined);
        await release();
      }),
  };
}
