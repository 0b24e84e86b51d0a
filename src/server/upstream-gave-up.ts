/**
 * Thrown when the retry budget ran out or waiting would overrun it; the proxy answers 503.
 *
 * @example
 * if (error instanceof UpstreamGaveUp) retryAfter(error.retryAfterMs);
 */
export class UpstreamGaveUp extends Error {
  override readonly name = 'UpstreamGaveUp';
  constructor(
    readonly lastError: unknown,
    /** How long until Dotdigital will take calls again, when known. */
    readonly retryAfterMs: number | undefined,
    readonly attempts: number,
  ) {
    super(`Dotdigital unavailable after ${attempts} attempt(s)`);
  }
}
