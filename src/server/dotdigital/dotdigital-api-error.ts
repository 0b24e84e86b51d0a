/**
 * A refusal or failure from Dotdigital. `token` is the `ERROR_…` code read from the
 * message (never match the prose), `status` the HTTP status (0 when no answer came).
 */
export class DotdigitalApiError extends Error {
  override readonly name = 'DotdigitalApiError';

  constructor(
    readonly status: number,
    readonly token: string | undefined,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** True when trying again later may succeed (rate limits, 5xx, no answer). */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500 || this.token === 'ERROR_APIUSAGE_EXCEEDED';
  }
}

/** Reads the `ERROR_…` token from a Dotdigital error body. */
export function readErrorToken(body: unknown): string | undefined {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? /ERROR_[A-Z_]+/.exec(message)?.[0] : undefined;
}
