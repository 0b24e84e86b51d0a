import type { SignupClock } from './signup-clock.js';

/** A cached value with what serving it needs: the JSON text and its ETag. */
export interface CachedEntry<T> {
  value: T;
  json: string;
  etag: string;
}

/** Options of {@link createDefinitionCache}. */
export interface DefinitionCacheOptions<T> {
  load: () => Promise<T>;
  /** The JSON answered for a value (default: all of it). */
  toJson?: (value: T) => string;
  /** How long a loaded value is fresh. */
  ttlMs: number;
  /** How long past fresh a value may still be served while a reload runs or keeps failing. */
  maxStaleMs: number;
  clock: SignupClock;
  onRefreshError?: (error: unknown) => void;
}

/**
 * A one-value cache with single flight and stale-while-revalidate: however many requests
 * arrive together, one load runs; a stale value is served at once while one reload runs in
 * the background; a failed reload keeps serving the old value until `maxStaleMs`.
 *
 * @example
 * const cache = createDefinitionCache({ load: loadDefinition, ttlMs: 60_000, maxStaleMs: 86_400_000, clock });
 * const { json, etag } = await cache.get();
 */
export function createDefinitionCache<T>(options: DefinitionCacheOptions<T>): { get(): Promise<CachedEntry<T>>; peek(): CachedEntry<T> | undefined } {
  let entry: (CachedEntry<T> & { loadedAt: number }) | undefined;
  let inFlight: Promise<CachedEntry<T>> | undefined;

  function reload(): Promise<CachedEntry<T>> {
    inFlight ??= (async () => {
      try {
        const value = await options.load();
        const json = options.toJson ? options.toJson(value) : JSON.stringify(value);
        entry = { value, json, etag: `"${await shortHash(json)}"`, loadedAt: options.clock.now() };
        return entry;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  return {
    peek: () => entry,
    async get() {
      if (!entry) return reload();
      const age = options.clock.now() - entry.loadedAt;
      if (age < options.ttlMs) return entry;
      if (age < options.ttlMs + options.maxStaleMs) {
        reload().catch((error: unknown) => options.onRefreshError?.(error));
        return entry;
      }
      return reload();
    },
  };
}

/**
 * The first 16 hex digits of a text's SHA-256: consent versions and ETags.
 *
 * @example
 * await shortHash('Yes, send me the newsletter.'); // '9f1c…'
 */
export async function shortHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].slice(0, 8).map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
