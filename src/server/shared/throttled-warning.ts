import type { SignupLogger } from './signup-logger.js';

// One line a minute at most: a lost store would otherwise log once per signup.
const LOG_EVERY_MS = 60_000;

/**
 * A warning about a store that cannot answer, logged at most once a minute with the error's
 * message, so the operator knows while a busy proxy's log is not buried in copies of it.
 *
 * @example
 * const unreachable = throttledWarning(logger, 'The shared per-IP limit could not be checked…', Date.now);
 * try { await store.take(key); } catch (error) { unreachable(error); }
 */
export function throttledWarning(logger: SignupLogger | undefined, text: string, now: () => number): (error: unknown) => void {
  let loggedAt = -Infinity;
  return (error) => {
    if (now() - loggedAt < LOG_EVERY_MS) return;
    loggedAt = now();
    logger?.warn(text, { error: error instanceof Error ? error.message : String(error) });
  };
}
