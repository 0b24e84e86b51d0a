import type { SignupLogger } from '../shared/signup-logger.js';

/** A cached value and when it was fetched. */
interface Entry<T> {
  value: T;
  fetchedAt: number;
}

/** Options of {@link createDefinitionCache}. */
export interface DefinitionCacheOptions<T> {
  /** Fetches a fresh value (with its own retries). */
  load: () => Promise<T>;
  /** How long a value is fresh. */
  ttlMs: number;
  /** How long past fresh a value may still be served while a refresh runs. */
  maxStaleMs: number;
  now: () => number;
  logger: SignupLogger | undefined;
}

/**
 * A one-value cache with single flight and stale-while-revalidate: however many requests
 * arrive together, one `load` runs; a stale value is answered at once while one background
 * refresh replaces it, and kept if that refresh fails (Dotdigital being down must not take
 * the form down). Only past `maxStaleMs`, or with nothing cached, does a caller wait.
 *
 * @example
 * const cache = createDefinitionCache({ load: fetchDefinition, ttlMs: 60_000, maxStaleMs: 86_400_000, now: Date.now, logger });
 * const definition = await cache.get();
 */
export function createDefinitionCache<T>(options: DefinitionCacheOptions<T>) {
  let entry: Entry<T> | undefined;
  let inFlight: Promise<T> | undefined;

  function refresh(): Promise<T> {
    inFlight ??= options
      .load()
      .then((value) => {
        entry = { value, fetchedAt: options.now() };
        return value;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    /** The value: cached when fresh (or stale but usable), else from one shared load. */
    async get(): Promise<T> {
      if (!entry) return refresh();
      const age = options.now() - entry.fetchedAt;
      if (age <= options.ttlMs) return entry.value;
      if (age <= options.ttlMs + options.maxStaleMs) {
        refresh().catch((error: unknown) => options.logger?.warn('Form definition refresh failed; serving the cached one', { error: String(error) }));
        return entry.value;
      }
      return refresh();
    },
    /**
     * For work that can wait (queue delivery): a stale value is refreshed first, so the refresh
     * is not racing the caller's own calls (after an outage it is the one probe of Dotdigital);
     * the stale value still serves when the refresh fails.
     */
    async fresh(): Promise<T> {
      if (!entry || options.now() - entry.fetchedAt <= options.ttlMs) return this.get();
      const stale = entry;
      return refresh().catch((error: unknown) => {
        if (options.now() - stale.fetchedAt > options.ttlMs + options.maxStaleMs) throw error;
        options.logger?.warn('Form definition refresh failed; serving the cached one', { error: String(error) });
        return stale.value;
      });
    },
    /** Marks the cached value stale, e.g. when Dotdigital says a preference no longer exists. */
    invalidate(): void {
      if (entry) entry = { value: entry.value, fetchedAt: Math.min(entry.fetchedAt, options.now() - options.ttlMs - 1) };
    },
  };
}
