import type { DeadLetterEntries } from '../queue/dead-letter-entries.js';
import type { DeadLetterStore } from '../queue/dead-letters.js';
import type { QueueEntries } from '../queue/queue-entries.js';
import type { JournalLine } from './file-queue-journal.js';

/** How the file queue changes: one change at a time, a line appended (and fsynced) to its journal, and signups whose data left it. */
export interface JournalWriter {
  serial<T>(task: () => Promise<T>): Promise<T>;
  append(line: JournalLine): Promise<void>;
  /** `count` signups left the file's keeping for good: it is rewritten without them soon. */
  gone(count: number): void;
}

/**
 * The file queue's dead letters: each change is a journal line on disk before it is applied in
 * memory (`bury`), or together with it (`requeue`, `forget`), so a restart reads back what was
 * acknowledged. Dead letters past their retention leave the file at its next rewrite, soon after.
 *
 * @example
 * const queue = { ...fileDeadLetters(entries, dead, { serial, append, gone: (n) => compactSoon() }) };
 */
export function fileDeadLetters(entries: QueueEntries, dead: DeadLetterEntries, journal: JournalWriter): DeadLetterStore {
  const { serial, append, gone } = journal;
  return {
    bury: (letter) =>
      serial(async () => {
        await append({ bury: letter });
        dead.bury(letter);
      }),
    buryOverdue: ({ now, ...request }) =>
      serial(async () => {
        const letters = entries.overdue({ now, ...request }).map((entry) => ({ entry, reason: 'expired' as const, diedAt: now }));
        for (const letter of letters) {
          await append({ bury: letter });
          dead.bury(letter);
        }
        return letters;
      }),
    deadLetters: async () => dead.all(),
    requeue: ({ ids, now }) =>
      serial(async () => {
        const result = dead.requeue(ids, now);
        if ('requeued' in result) for (const entry of result.requeued) await append({ requeue: entry });
        return result;
      }),
    forgetDeadLetters: (diedBefore) =>
      serial(async () => {
        const forgotten = dead.forget(diedBefore);
        if (forgotten.length > 0) {
          await append({ forget: forgotten });
          gone(forgotten.length);
        }
        return forgotten.length;
      }),
  };
}
