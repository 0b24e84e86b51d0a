import type { DotdigitalErrorKind } from './dotdigital-api-error.js';

/**
 * Dotdigital could not be reached or kept failing until the time budget ran out.
 *
 * @example
 * throw new UpstreamGaveUp('unavailable', 3, undefined, lastError);
 */
export class UpstreamGaveUp extends Error {
  override readonly name = 'UpstreamGaveUp';

  constructor(
    readonly kind: DotdigitalErrorKind,
    readonly attempts: number,
    /** When Dotdigital said it would take calls again, if it said so. */
    readonly retryAfterMs: number | undefined,
    readonly last: unknown,
  ) {
    super(`Dotdigital call gave up after ${attempts} attempt(s): ${kind}`);
  }
}
