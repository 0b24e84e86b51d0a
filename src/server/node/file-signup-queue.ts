import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_QUEUE_MAX_ENTRIES } from '../queue/memory-signup-queue.js';
import { createQueueEntries } from '../queue/queue-entries.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { QueuedSignup, SignupQueue } from '../queue/signup-queue.js';
import { claimQueueFile } from './claim-queue-file.js';

/** Options of {@link createFileSignupQueue}. */
export interface FileSignupQueueOptions {
  /** The journal file, e.g. `/var/lib/signup/queue.jsonl`; created (mode 600) if missing. */
  path: string;
  /** Most signups held; over it the proxy answers 503. Default 10 000. */
  maxEntries?: number;
  /** Told about lines it had to skip when reading the file. */
  logger?: SignupLogger;
}

/** A file-backed {@link SignupQueue}; `close()` before another process may open the file. */
export interface FileSignupQueue extends SignupQueue {
  readonly size: number;
  close(): Promise<void>;
}

type Line = { add: QueuedSignup } | { remove: string } | { reschedule: { id: string; dueAt: number; attempts: number } };

/**
 * A durable signup queue for Node: a JSON-lines journal, each change appended and fsynced
 * before it is acknowledged, so a signup answered `202 queued` survives a crash or restart.
 * On open the file is read (a torn last line from a crash is skipped) and rewritten with
 * only the live entries (temp file, fsync, atomic rename); it is compacted the same way as
 * it grows. One process owns a file at a time (a `.lock` file beside it says which), as
 * claims are kept in that process's memory. The file holds personal data until delivered:
 * keep it on a private volume.
 *
 * @example
 * const queue = await createFileSignupQueue({ path: '/var/lib/signup/queue.jsonl' });
 * const handler = createSignupHandler({ ...options, queue });
 */
export async function createFileSignupQueue(options: FileSignupQueueOptions): Promise<FileSignupQueue> {
  const { path, logger } = options;
  const release = await claimQueueFile(path);
  const entries = createQueueEntries(options.maxEntries ?? DEFAULT_QUEUE_MAX_ENTRIES);
  let handle: FileHandle;
  try {
    for (const entry of await readJournal(path, logger)) entries.add(entry);
    handle = await compact(path, entries.all());
  } catch (error) {
    await release();
    throw error;
  }
  let lines = entries.size;
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
  const rewrite = async () => {
    await handle.close().catch(() => undefined);
    [handle, lines, damaged] = [await compact(path, entries.all()), entries.size, false];
  };
  const append = async (line: Line) => {
    if (damaged) await rewrite();
    damaged = true; // until the whole line is on disk
    await handle.appendFile(`${JSON.stringify(line)}\n`);
    await handle.datasync();
    damaged = false;
    if (++lines > 2 * entries.size + 1_000) await rewrite();
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
    remove: (id) => serial(async () => void (entries.remove(id) && (await append({ remove: id })))),
    reschedule: (id, lease, next) =>
      serial(async () => void (entries.reschedule(id, lease, next) && (await append({ reschedule: { id, dueAt: next.dueAt, attempts: next.attempts } })))),
    close: () =>
      serial(async () => {
        await handle.close();
        await release();
      }),
  };
}

async function readJournal(path: string, logger: SignupLogger | undefined): Promise<QueuedSignup[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const live = new Map<string, QueuedSignup>();
  const rows = text.split('\n');
  rows.forEach((row, index) => {
    if (row.trim() === '') return;
    let line: Line;
    try {
      line = JSON.parse(row) as Line;
    } catch {
      // The last line without its newline is a write a crash cut short: it was never acknowledged.
      if (index !== rows.length - 1) logger?.error('Skipped an unreadable line of the signup queue file', { path, line: index + 1 });
      return;
    }
    if ('add' in line) live.set(line.add.id, line.add);
    else if ('remove' in line) live.delete(line.remove);
    else if ('reschedule' in line) {
      const entry = live.get(line.reschedule.id);
      if (entry) live.set(entry.id, { ...entry, dueAt: line.reschedule.dueAt, attempts: line.reschedule.attempts });
    }
  });
  return [...live.values()];
}

// Writes the live entries to a temp file, fsyncs it, renames it over the journal, and opens it for appending.
async function compact(path: string, live: QueuedSignup[]): Promise<FileHandle> {
  const temp = `${path}.tmp`;
  // A fresh file, never one found there: 'wx' follows no planted link and keeps no stale mode.
  await unlink(temp).catch(() => undefined);
  const out = await open(temp, 'wx', 0o600);
  try {
    await out.writeFile(live.map((entry) => `${JSON.stringify({ add: entry })}\n`).join(''));
    await out.sync();
  } finally {
    await out.close();
  }
  await rename(temp, path);
  await syncDirectory(dirname(path));
  return open(path, 'a', 0o600);
}

// The rename is only durable once the directory is synced; some platforms cannot open a directory.
async function syncDirectory(directory: string): Promise<void> {
  const dir = await open(directory, 'r').catch(() => undefined);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
}
