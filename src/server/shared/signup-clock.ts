/**
 * The handler's sense of time; tests pass a fake one so retries and caches run instantly.
 *
 * @example
 * const clock: SignupClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: Math.random };
 */
export interface SignupClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), for retry jitter. */
  random(): number;
}
