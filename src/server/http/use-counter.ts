/** How many uses a key has in a window: `max` per `windowMs`, counted from the key's first use. */
export interface UseLimit {
  max: number;
  windowMs: number;
}

/**
 * Counts uses per key in fixed windows: a window starts with a key's first use and allows `max`
 * uses until it ends. What a per-address limit needs ("at most 3 emails a day"), where a refilling
 * bucket would allow a fourth hours later.
 *
 * @example
 * if (!(await emails.take(await ref(email)))) return; // this address had its 3 today
 */
export interface UseCounter {
  /** Spends one use of `key`; `false` (and nothing spent) once the window's `max` are used. */
  take(key: string): Promise<boolean>;
  /** Gives one use back: what it was spent on did not happen (Dotdigital did not take the call). */
  give(key: string): Promise<void>;
}

/**
 * Where counters live, so every instance of the proxy counts the same uses: in memory (one
 * process), in a file (one Node process, kept across restarts) or in Redis (every instance).
 * `counter(name, limit)` is one named count, e.g. `address-emails`; other checks (a bot defense,
 * say) take counters of their own names from the same store.
 *
 * @example
 * const emails = store.counter('address-emails', { max: 3, windowMs: 86_400_000 });
 */
export interface CounterStore {
  counter(name: string, limit: UseLimit): UseCounter;
}

/** The uses of one key: how many, and when its window ends (ms since the epoch). */
export interface WindowCount {
  count: number;
  resetAt: number;
}

/**
 * Counters in this process's memory. Bounded: past `maxKeys` keys the least recently used is
 * forgotten (so spraying addresses cannot grow the process, only make it forget old counts).
 * `counts` is the map behind them, for a store that keeps them somewhere (the file store).
 *
 * @example
 * const store = createMemoryCounters({ now: Date.now });
 * await store.counter('address-writes', { max: 5, windowMs: 86_400_000 }).take('e:5f1c0a9b7d2e4c11');
 */
export function createMemoryCounters(options: { now: () => number; maxKeys?: number; counts?: Map<string, WindowCount>; onChange?: () => void }): CounterStore {
  const { now, maxKeys = 100_000, onChange } = options;
  const counts = options.counts ?? new Map<string, WindowCount>();
  return {
    counter(name, limit) {
      checkLimit(name, limit);
      const current = (key: string): WindowCount => {
        const id = `${name}:${key}`;
        const held = counts.get(id);
        counts.delete(id); // re-inserted by the caller: Map order doubles as recency order
        return held && held.resetAt > now() ? held : { count: 0, resetAt: now() + limit.windowMs };
      };
      const put = (key: string, value: WindowCount) => {
        counts.set(`${name}:${key}`, value);
        if (counts.size > maxKeys) counts.delete(counts.keys().next().value!);
        onChange?.();
      };
      return {
        async take(key) {
          const held = current(key);
          put(key, held.count < limit.max ? { ...held, count: held.count + 1 } : held);
          return held.count < limit.max;
        },
        async give(key) {
          const held = current(key);
          put(key, { ...held, count: Math.max(0, held.count - 1) });
        },
      };
    },
  };
}

/**
 * Throws when a limit cannot be counted: `max` a whole number ≥ 1, `windowMs` at least a second.
 *
 * @example
 * checkLimit('address-emails', { max: 3, windowMs: 86_400_000 });
 */
export function checkLimit(name: string, limit: UseLimit): void {
  if (!(Number.isSafeInteger(limit.max) && limit.max >= 1)) throw new TypeError(`${name}: max must be a whole number ≥ 1, not ${limit.max}`);
  if (!(Number.isFinite(limit.windowMs) && limit.windowMs >= 1_000)) throw new TypeError(`${name}: windowMs must be at least 1000, not ${limit.windowMs}`);
}
