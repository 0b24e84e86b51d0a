import { REFUSAL_TALLY_MESSAGE } from '../server/bots/refusal-tally.js';
import type { SignupLogger } from '../server/index.js';

/** One line of the proxy's refusal tally: when it was written and the counts by reason. */
export interface RefusalEntry {
  at: Date;
  counts: Record<string, number>;
}

/** The demo's logger and what it kept of the refusal tally. */
export interface RefusalLog {
  /** Pass it to the proxy: every line goes on to `logger`; the tally's lines are kept too. */
  logger: SignupLogger;
  /** The tally's lines, newest first (the last 50). */
  entries(): RefusalEntry[];
}

const KEEP = 50;

/**
 * Keeps the proxy's "Refused signups in the last minute" lines (bot defense's operator view, at
 * most one a minute, never an address) for the demo's /bot-defense.html, and logs every line as
 * `logger` would.
 *
 * @example
 * const refusals = createRefusalLog(console);
 * createSignupHandler({ ...options, logger: refusals.logger });
 */
export function createRefusalLog(logger: SignupLogger): RefusalLog {
  const kept: RefusalEntry[] = [];
  return {
    // Arguments passed on as they came: console prints a missing `details` as nothing, not `undefined`.
    logger: {
      info: (...args) => logger.info(...args),
      error: (...args) => logger.error(...args),
      warn(...args) {
        const [message, details] = args;
        if (message === REFUSAL_TALLY_MESSAGE && details) {
          const counts = Object.fromEntries(Object.entries(details).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
          kept.unshift({ at: new Date(), counts });
          kept.length = Math.min(kept.length, KEEP);
        }
        logger.warn(...args);
      },
    },
    entries: () => [...kept],
  };
}
