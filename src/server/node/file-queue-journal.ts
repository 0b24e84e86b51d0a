import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeadLetter } from '../queue/dead-letters.js';
import type { ImportBatch } from '../queue/import-ledger.js';
import type { QueuedSignup } from '../queue/signup-queue.js';
import type { SignupLogger } from '../shared/signup-logger.js';

/** One change of the file queue, as a line of its journal. */
export type JournalLine =
  | { add: QueuedSignup }
  | { remove: string }
  | { reschedule: { id: string; dueAt: number; attempts: number } }
  // The bulk-import ledger: a batch parked, its import id once Dotdigital answered, and its end.
  | { begin: ImportBatch }
  | { mark: { batchId: string; importId: string } }
  | { finish: string }
  // Dead letters: an entry moved there, one put back (as the entry it is again), those past their retention.
  | { bury: DeadLetter }
  | { requeue: QueuedSignup }
  | { forget: string[] };

/** What a journal holds: the live entries, the import batches begun and not finished, the dead letters. */
export interface JournalState {
  entries: QueuedSignup[];
  imports: ImportBatch[];
  dead: DeadLetter[];
}

/**
 * Reads a queue journal back (a torn last line from a crash is skipped; it was never
 * acknowledged). An entry removed or rescheduled while parked has left its batch: whoever
 * settled it did so before the crash, so a drainer resuming the batch does not settle it again.
 *
 * @example
 * const { entries, imports } = await readJournal('/var/lib/signup/queue.jsonl', logger);
 */
export async function readJournal(path: string, logger: SignupLogger | undefined): Promise<JournalState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], imports: [], dead: [] };
    throw error;
  }
  const live = new Map<string, QueuedSignup>();
  const imports = new Map<string, ImportBatch>();
  const dead = new Map<string, DeadLetter>();
  const leaveBatches = (id: string) => {
    for (const batch of imports.values()) batch.entries = batch.entries.filter((e) => e.id !== id);
  };
  const rows = text.split('\n');
  rows.forEach((row, index) => {
    if (row.trim() === '') return;
    let line: JournalLine;
    try {
      line = JSON.parse(row) as JournalLine;
    } catch {
      if (index !== rows.length - 1) logger?.error('Skipped an unreadable line of the signup queue file', { path, line: index + 1 });
      return;
    }
    if ('add' in line) live.set(line.add.id, line.add);
    else if ('remove' in line) {
      live.delete(line.remove);
      leaveBatches(line.remove);
    } else if ('reschedule' in line) {
      const entry = live.get(line.reschedule.id);
      if (entry) live.set(entry.id, { ...entry, dueAt: line.reschedule.dueAt, attempts: line.reschedule.attempts });
      leaveBatches(line.reschedule.id);
    } else if ('begin' in line) imports.set(line.begin.batchId, line.begin);
    else if ('mark' in line) {
      const batch = imports.get(line.mark.batchId);
      if (batch) batch.importId = line.mark.importId;
    } else if ('finish' in line) imports.delete(line.finish);
    else if ('bury' in line) {
      live.delete(line.bury.entry.id);
      leaveBatches(line.bury.entry.id);
      dead.set(line.bury.entry.id, line.bury);
    } else if ('requeue' in line) {
      dead.delete(line.requeue.id);
      live.set(line.requeue.id, line.requeue);
    } else if ('forget' in line) for (const id of line.forget) dead.delete(id);
  });
  return { entries: [...live.values()], imports: [...imports.values()], dead: [...dead.values()] };
}

/**
 * Writes the live state to a temp file, fsyncs it, renames it over the journal, and opens it
 * for appending.
 *
 * @example
 * const handle = await compactJournal(path, entries.all(), entries.unfinishedImports(), dead.all());
 */
export async function compactJournal(path: string, live: QueuedSignup[], imports: ImportBatch[], dead: DeadLetter[] = []): Promise<FileHandle> {
  const temp = `${path}.tmp`;
  // A fresh file, never one found there: 'wx' follows no planted link and keeps no stale mode.
  await unlink(temp).catch(() => undefined);
  const out = await open(temp, 'wx', 0o600);
  try {
    const lines: JournalLine[] = [...live.map((entry) => ({ add: entry })), ...imports.map((batch) => ({ begin: batch })), ...dead.map((letter) => ({ bury: letter }))];
    await out.writeFile(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
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
