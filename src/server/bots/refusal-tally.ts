import type { SignupLogger } from '../shared/signup-logger.js';

/** Why a signup was refused (or, past an address limit, answered as a success and dropped). */
export type RefusalReason = 'no_solution' | 'bad_solution' | 'address_limit' | 'no_js_budget';

/** The tally's log line (its details are the counts by reason): what a dashboard or the demo looks for. */
export const REFUSAL_TALLY_MESSAGE = 'Refused signups in the last minute (README, "Bot defense")';

// One line a minute at most: a bot at volume must not bury the log, nor write one line per attempt.
const LOG_EVERY_MS = 60_000;

/** Counts refusals by reason and logs the counts at most once a minute. */
export interface RefusalTally {
  count(reason: RefusalReason): void;
  /** Logs what is counted now (and forgets it); the timer does this a minute after the first refusal. */
  flush(): void;
}

/**
 * The operator's view of bot defense: how many signups were refused in the last minute and why,
 * as one log line (`Refused signups in the last minute`, `{ no_solution: 280, … }`), never an
 * address or an IP. A minute after the first refusal of a quiet spell the line is written.
 *
 * @example
 * const tally = createRefusalTally(logger);
 * tally.count('no_solution');
 */
export function createRefusalTally(logger: SignupLogger | undefined): RefusalTally {
  let counts: Partial<Record<RefusalReason, number>> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (Object.keys(counts).length === 0) return;
    logger?.warn(REFUSAL_TALLY_MESSAGE, { ...counts });
    counts = {};
  };
  return {
    count(reason) {
      counts[reason] = (counts[reason] ?? 0) + 1;
      if (timer) return;
      timer = setTimeout(flush, LOG_EVERY_MS);
      (timer as { unref?: () => void }).unref?.(); // a pending line never keeps a process alive
    },
    flush,
  };
}
