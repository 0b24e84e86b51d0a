import type { SignupLogger } from '../shared/signup-logger.js';
import { throttledWarning } from '../shared/throttled-warning.js';
import type { CounterStore, UseCounter } from './use-counter.js';

/** How much one email address may cause in a window (option `addressLimit`). */
export interface AddressLimitOptions {
  /** Signups written for one address per window, whoever sends them. Default 5. */
  writes: number;
  /** Confirmation or resubscribe emails one address may be sent per window. Default 3. */
  emails: number;
  /** The window. Default 24 hours. */
  windowMs: number;
}

/** The default: 5 writes and 3 emails per address a day. */
export const DEFAULT_ADDRESS_LIMIT: AddressLimitOptions = { writes: 5, emails: 3, windowMs: 86_400_000 };

/** What an address spends: a signup written for it, or an email sent to it. */
export type AddressUse = 'writes' | 'emails';

/**
 * Per-address limits, counted in a shared {@link CounterStore} so every instance (and every
 * visitor's IP address) spends from the same allowance. Keys are a keyed hash of the address,
 * never the address itself. Past a limit nothing is refused: the caller answers as a success
 * and skips the work, so the limit tells a stranger nothing.
 *
 * @example
 * const limits = createAddressLimits(DEFAULT_ADDRESS_LIMIT, store, emailRef, logger);
 * if (await limits.take('emails', 'ann@example.com')) await sendsTheConfirmation();
 */
export interface AddressLimits {
  /** Spends one `use` of the address's allowance; `false` once it is spent. */
  take(use: AddressUse, email: string): Promise<boolean>;
  /** Gives one back: the write or email it was spent on did not happen. */
  give(use: AddressUse, email: string): Promise<void>;
}

/**
 * Makes the {@link AddressLimits} of a handler (`false`: no limit); `onLimit` hears of each use refused. A store that cannot answer
 * (Redis lost) lets the signup through, logged at most once a minute: a lost counter must not
 * cost anyone their signup, and Dotdigital still limits its own resubscribe emails.
 *
 * @example
 * const limits = createAddressLimits({ writes: 5, emails: 3, windowMs: 86_400_000 }, createMemoryCounters({ now: Date.now }), createEmailRef(secret));
 */
export function createAddressLimits(
  options: AddressLimitOptions | false,
  store: CounterStore,
  key: (email: string) => Promise<string>,
  logger?: SignupLogger,
  now: () => number = Date.now,
  onLimit: () => void = () => undefined,
): AddressLimits {
  if (options === false) return { take: async () => true, give: async () => undefined };
  const counters: Record<AddressUse, UseCounter> = {
    writes: store.counter('address-writes', { max: options.writes, windowMs: options.windowMs }),
    emails: store.counter('address-emails', { max: options.emails, windowMs: options.windowMs }),
  };
  const unreachable = throttledWarning(logger, 'The per-address limits could not be checked (their store is unreachable); signups are let through until it answers', now);
  return {
    async take(use, email) {
      try {
        const taken = await counters[use].take(await key(email));
        if (!taken) onLimit(); // counted for the operator's once-a-minute line, never with the address
        return taken;
      } catch (error) {
        unreachable(error);
        return true;
      }
    },
    async give(use, email) {
      await counters[use].give(await key(email)).catch(unreachable);
    },
  };
}
