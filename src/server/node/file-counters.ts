import { readFile, rename, writeFile } from 'node:fs/promises';
import { createMemoryCounters, type CounterStore, type WindowCount } from '../http/use-counter.js';

/** A {@link CounterStore} kept in a file; `close()` writes what is pending. */
export interface FileCounters extends CounterStore {
  close(): Promise<void>;
}

// Counts are written at most this often: losing a second of them to a crash costs little.
const WRITE_AFTER_MS = 1_000;

/**
 * Per-key counts (the per-address limits) for one Node process, kept in a JSON file beside its
 * queue so a restart does not give every address a fresh day of emails. Read once at start
 * (windows already over are dropped), counted in memory, written back (temp file, atomic
 * rename, mode 600: the keys are keyed hashes, not addresses) a second after a change and on `close()`.
 *
 * @example
 * const counters = await createFileCounters('/var/lib/signup/queue.jsonl.limits.json');
 * const handler = createSignupHandler({ ...options, queue, stores: { counters } });
 */
export async function createFileCounters(path: string, now: () => number = Date.now): Promise<FileCounters> {
  const counts = new Map<string, WindowCount>();
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '{}' : Promise.reject(error)));
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    stored = {}; // a torn write: the counts start over, as after a restart without the file
  }
  for (const [key, value] of Object.entries(stored && typeof stored === 'object' ? stored : {})) {
    const { count, resetAt } = (value ?? {}) as Partial<WindowCount>;
    if (typeof count === 'number' && typeof resetAt === 'number' && resetAt > now()) counts.set(key, { count, resetAt });
  }
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const snapshot = JSON.stringify(Object.fromEntries([...counts].filter(([, value]) => value.resetAt > now())));
    writing = writing.then(async () => {
      await writeFile(`${path}.tmp`, snapshot, { mode: 0o600 });
      await rename(`${path}.tmp`, path);
    }).catch(() => undefined); // counts stay in memory; the next change tries again
    return writing;
  };
  const store = createMemoryCounters({ now, counts, onChange: () => void (timer ??= setTimeout(flush, WRITE_AFTER_MS).unref()) });
  return { counter: (name, limit) => store.counter(name, limit), close: () => (timer ? flush() : writing) };
}
