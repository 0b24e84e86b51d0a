import { DotdigitalApiError, type DotdigitalErrorKind } from './dotdigital/dotdigital-api-error.js';

/**
 * What went wrong with a call to Dotdigital: the client's typed `kind`, and `unavailable`
 * for anything that is not a Dotdigital answer at all.
 *
 * @example
 * upstreamErrorKind(new DotdigitalApiError(429, undefined, 'busy')); // 'rate_limited'
 */
export function upstreamErrorKind(error: unknown): DotdigitalErrorKind {
  return error instanceof DotdigitalApiError ? error.kind : 'unavailable';
}

/**
 * True for the kinds worth another attempt within the same visitor's request. The hourly
 * usage cap is transient too, but lifts in minutes, not within a visitor's wait.
 *
 * @example
 * isRetryable('unavailable'); // true
 */
export function isRetryable(kind: DotdigitalErrorKind): boolean {
  return kind === 'rate_limited' || kind === 'unavailable' || kind === 'timeout';
}
