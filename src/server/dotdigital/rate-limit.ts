import { parseRetryAfter } from '../../core/retry-after.js';

/** Dotdigital's `X-RateLimit-*` headers, read. Each part is `undefined` when absent or unreadable. */
export interface DotdigitalRateLimit {
  /** Calls allowed in the window. */
  limit: number | undefined;
  /** Calls left in the window. */
  remaining: number | undefined;
  /** When the window resets, in epoch milliseconds. */
  resetAt: number | undefined;
  /** Which limit this is (`X-RateLimit-Scope`). */
  scope: string | undefined;
}

// Sources disagree whether X-RateLimit-Reset counts seconds until the reset or is a Unix
// time; no real delay is anywhere near 10^9 seconds (31 years), so the size tells them apart.
const EPOCH_THRESHOLD = 1e9;

const number = (value: string | null): number | undefined => {
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
};

/**
 * Reads the rate-limit headers of an answer; `undefined` when it has none.
 *
 * @example
 * parseRateLimit(response.headers, Date.now()); // { limit: 35, remaining: 0, resetAt: 1767225660000, scope: 'default' }
 */
export function parseRateLimit(headers: Headers, nowMs: number): DotdigitalRateLimit | undefined {
  const limit = number(headers.get('x-ratelimit-limit'));
  const remaining = number(headers.get('x-ratelimit-remaining'));
  const reset = number(headers.get('x-ratelimit-reset'));
  const scope = headers.get('x-ratelimit-scope') ?? undefined;
  if (limit === undefined && remaining === undefined && reset === undefined && scope === undefined) return undefined;
  const resetAt = reset === undefined || reset < 0 ? undefined : reset < EPOCH_THRESHOLD ? nowMs + reset * 1000 : reset * 1000;
  return { limit, remaining, resetAt, scope };
}

/**
 * How long to wait before calling again: until the rate-limit reset, else an undocumented
 * but standard `Retry-After` (seconds or an HTTP date); `undefined` when the answer says nothing.
 *
 * @example
 * retryAfterMs(response.headers, parseRateLimit(response.headers, now), now); // 42000
 */
export function retryAfterMs(headers: Headers, rateLimit: DotdigitalRateLimit | undefined, nowMs: number): number | undefined {
  if (rateLimit?.resetAt !== undefined) return Math.max(0, rateLimit.resetAt - nowMs);
  return parseRetryAfter(headers.get('retry-after'), nowMs);
}
