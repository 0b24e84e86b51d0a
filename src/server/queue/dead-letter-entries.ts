import { requeuedEntry, type DeadLetter, type RequeueResult } from './dead-letters.js';
import type { QueueEntries } from './queue-entries.js';

/** The in-memory dead letters of the memory and file queues, beside their {@link QueueEntries}. */
export interface DeadLetterEntries {
  readonly size: number;
  /** Takes the entry out of `entries` and keeps the letter. */
  bury(letter: DeadLetter): void;
  /** Every letter, oldest first. */
  all(): DeadLetter[];
  /** Checks every id first: all are put back in `entries` (due at `now`), or none. */
  requeue(ids: readonly string[] | 'all', now: number): RequeueResult;
  /** Deletes those that died before `diedBefore`; their ids. */
  forget(diedBefore: number): string[];
}

/**
 * Dead letters in memory: what the memory queue keeps for the life of the process, and what
 * the file queue journals (`bury`, `requeue` and `forget` lines) and reads back on start.
 *
 * @example
 * const dead = createDeadLetterEntries(entries);
 * dead.bury({ entry, reason: 'expired', diedAt: Date.now() });
 * dead.requeue('all', Date.now()); // { requeued: [entry with dueAt now, requeuedAt now] }
 */
export function createDeadLetterEntries(entries: QueueEntries): DeadLetterEntries {
  const letters = new Map<string, DeadLetter>();
  return {
    get size() {
      return letters.size;
    },
    bury(letter) {
      entries.remove(letter.entry.id);
      letters.set(letter.entry.id, structuredClone(letter));
    },
    all: () => [...letters.values()].sort((a, b) => a.diedAt - b.diedAt).map((letter) => structuredClone(letter)),
    requeue(ids, now) {
      const wanted = ids === 'all' ? [...letters.keys()] : [...new Set(ids)];
      const unknown = wanted.filter((id) => !letters.has(id));
      if (unknown.length > 0) return { unknown };
      const requeued = wanted.map((id) => requeuedEntry(letters.get(id)!, now));
      // An operator's explicit act: put back even over the queue's bound, which only protects live signups.
      for (const entry of requeued) {
        letters.delete(entry.id);
        entries.add(entry, { overBound: true });
      }
      return { requeued };
    },
    forget(diedBefore) {
      const gone = [...letters.values()].filter((letter) => letter.diedAt < diedBefore).map((letter) => letter.entry.id);
      for (const id of gone) letters.delete(id);
      return gone;
    },
  };
}
