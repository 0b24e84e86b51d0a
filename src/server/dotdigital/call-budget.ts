/** What one call to Dotdigital came to, as {@link CallBudget.record} takes it. */
export type CallOutcome =
  /**
   * Dotdigital answered: its status and `X-RateLimit-*` headers as read by `parseRateLimit` when
   * the answer arrived, and when the call was sent (`sentAt`, the caller's clock; default: as it
   * arrived), which bounds how early the reset it names may be.
   */
  | { kind: 'answered'; status: number; rateLimit?: { limit?: number | undefined; remaining?: number | undefined; resetAt?: number | undefined } | undefined; sentAt?: number }
  /** No answer: a timeout, a refused connection, a network error. */
  | { kind: 'unreachable' };

/** May this instance call Dotdigital now? */
export type CallPermit =
  /** Yes; `probe` when Dotdigital is thought down and this call is the one probe finding out whether it is back. */
  | { allowed: true; probe: boolean }
  /** No: queue the signup at once and try again in `retryAfterMs`. */
  | { allowed: false; reason: 'rate-limited' | 'unavailable'; retryAfterMs: number };

/**
 * Dotdigital's call budget and outage state, shared by every instance of the proxy:
 * - after a 429 nobody calls before `X-RateLimit-Reset` (and with `X-RateLimit-Remaining` at 0
 *   nobody calls before the reset either; each permit spends one of the calls known to remain);
 * - once the window has reset, the next one allows `X-RateLimit-Limit` calls: they are spent the
 *   same way until an answer of the new window says when it ends, so a burst at the reset draws no 429.
 *   A reset is known only between two times (`X-RateLimit-Reset` counts whole seconds from when
 *   Dotdigital answered, somewhere between sending and arrival): a call sent between them counts
 *   against both windows, and an answer describes a later window only when it provably does;
 * - after {@link CallBudgetOptions.failuresToOutage} 5xx answers or unreachable calls within
 *   {@link CallBudgetOptions.failureWindowMs}, Dotdigital counts as down: signups are queued at
 *   once, and one probe at a time (one every {@link CallBudgetOptions.probeEveryMs}) finds
 *   out when it is back; any answer that is not a 5xx or 429 ends the outage.
 *
 * Times are the caller's clock (ms since the epoch), as for `SignupQueue.claim`, so tests run
 * on a fake clock. `mayCall` is one round trip to a shared store, cheap enough for every signup.
 *
 * @example
 * const permit = await budget.mayCall(Date.now());
 * if (!permit.allowed) return queueSignup(permit.retryAfterMs);
 * const response = await fetch(url, init).catch(() => undefined);
 * await budget.record(Date.now(), response ? { kind: 'answered', status: response.status, rateLimit: parseRateLimit(response.headers, Date.now()) } : { kind: 'unreachable' });
 */
export interface CallBudget {
  mayCall(now: number): Promise<CallPermit>;
  record(now: number, outcome: CallOutcome): Promise<void>;
  /** What it holds now, without changing it (`dotdigital-signup status`); the built-in budgets have it. */
  read?(now: number): Promise<CallBudgetState>;
}

/** What a {@link CallBudget} holds at one moment; times in ms since the epoch, `undefined` when past or unknown. */
export interface CallBudgetState {
  /** Dotdigital is held as down: signups are queued at once, and one probe at a time finds out when it is back. */
  down: boolean;
  /** While down: when the next probe may go. */
  nextProbeAt: number | undefined;
  /** Calls known to be left in Dotdigital's current rate-limit window, which ends at `resetAt`. */
  callsLeft: number | undefined;
  resetAt: number | undefined;
  /** No call before this: a 429, or no calls left before the reset. */
  blockedUntil: number | undefined;
}

/**
 * A budget's stored fields as a {@link CallBudgetState} at `now`: what every store reads the same way.
 *
 * @example
 * budgetState(Date.now(), { blockedUntil: 0, outage: true, probeUntil: Date.now() + 9_000, remaining: undefined, resetAt: 0 });
 */
export function budgetState(now: number, stored: { blockedUntil: number; outage: boolean; probeUntil: number; remaining: number | undefined; resetAt: number }): CallBudgetState {
  const future = (at: number) => (at > now ? at : undefined);
  const windowOpen = stored.resetAt > now;
  return {
    down: stored.outage,
    nextProbeAt: stored.outage ? Math.max(now, stored.probeUntil) : undefined,
    callsLeft: windowOpen ? stored.remaining : undefined,
    resetAt: windowOpen ? stored.resetAt : undefined,
    blockedUntil: future(stored.blockedUntil),
  };
}

/** Tuning of a {@link CallBudget}; every store takes the same, with the same defaults. */
export interface CallBudgetOptions {
  /** Failures (5xx, unreachable) within `failureWindowMs` that make an outage. Default 3. */
  failuresToOutage?: number;
  /** Default 60 000 ms. */
  failureWindowMs?: number;
  /** How often one probe may try while Dotdigital is down. Default 15 000 ms. */
  probeEveryMs?: number;
  /**
   * Dotdigital's window, as far as the budget has to guess it: how long a 429 without a readable
   * `X-RateLimit-Reset` blocks calls, and how long a new window is taken to last until one of its
   * answers says when it resets. Default 60 000 ms (the per-minute window).
   */
  blockWithoutResetMs?: number;
}

/** The options with their defaults filled in: one place for them, whichever store reads them. */
export function callBudgetSettings(options: CallBudgetOptions = {}): Required<CallBudgetOptions> {
  const settings = { failuresToOutage: 3, failureWindowMs: 60_000, probeEveryMs: 15_000, blockWithoutResetMs: 60_000, ...options };
  for (const [name, value] of Object.entries(settings)) {
    if (!(Number.isSafeInteger(value) && value >= 1)) throw new TypeError(`CallBudgetOptions.${name} must be a whole number ≥ 1, not ${value}`);
  }
  return settings;
}

/**
 * How an outcome moves the budget, for every store: `blockUntil` when calls must stop until
 * then (a 429, or no calls left before the reset), `remaining` calls known to be left before
 * the reset, which lies between `resetFrom` and `resetAt` (whole seconds counted from an
 * unknown moment between sending and arrival), the window's `limit` (read only with its reset,
 * so a window is known whole), and whether it counts as a failure or a success for the outage state.
 */
export function readOutcome(now: number, outcome: CallOutcome, settings: Required<CallBudgetOptions>) {
  if (outcome.kind === 'unreachable') return { failure: true, success: false, blockUntil: undefined, remaining: undefined, resetAt: undefined, resetFrom: undefined, limit: undefined };
  const { status, rateLimit } = outcome;
  const resetAt = rateLimit?.resetAt !== undefined && rateLimit.resetAt > now ? rateLimit.resetAt : undefined;
  const resetFrom = resetAt === undefined ? undefined : resetAt - 1_000 - Math.max(0, now - (outcome.sentAt ?? now));
  const remaining = resetAt === undefined ? undefined : rateLimit?.remaining;
  const stated = resetAt === undefined ? undefined : rateLimit?.limit;
  const limit = stated !== undefined && Number.isSafeInteger(stated) && stated >= 1 ? stated : undefined;
  const blockUntil = status === 429 ? (resetAt ?? now + settings.blockWithoutResetMs) : remaining !== undefined && remaining <= 0 ? resetAt : undefined;
  return { failure: status >= 500, success: status < 500 && status !== 429, blockUntil, remaining, resetAt, resetFrom, limit };
}
