import { DotdigitalApiError } from './dotdigital/dotdigital-api-error.js';
import { UpstreamGaveUp } from './upstream-gave-up.js';

/** What went wrong upstream, in the terms the proxy acts on. */
export type UpstreamKind =
  | 'suppressed'
  | 'invalid_email'
  | 'rate_limited'
  | 'usage_capped'
  | 'unavailable'
  | 'timeout'
  | 'unauthorized'
  | 'rejected'
  | 'internal';

const KNOWN = new Set<string>(['suppressed', 'invalid_email', 'rate_limited', 'usage_capped', 'unavailable', 'timeout', 'unauthorized', 'rejected']);

/**
 * Classifies an error from the Dotdigital client. Uses the client's typed `kind` when it
 * has one the proxy knows, else reads the status and the `ERROR_…` token (never the prose).
 *
 * @example
 * upstreamKind(new DotdigitalApiError(503, undefined, 'down')); // 'unavailable'
 */
export function upstreamKind(error: unknown): UpstreamKind {
  if (!(error instanceof DotdigitalApiError)) return 'internal';
  const kind = (error as { kind?: unknown }).kind;
  if (typeof kind === 'string' && KNOWN.has(kind)) return kind as UpstreamKind;
  if (error.token === 'ERROR_CONTACT_SUPPRESSED') return 'suppressed';
  if (error.token === 'ERROR_APIUSAGE_EXCEEDED') return 'usage_capped';
  if (error.status === 429) return 'rate_limited';
  if (error.status === 400 && error.token === 'ERROR_PARAMETER_INVALID') return 'invalid_email';
  if (error.status === 0) return /timed out/i.test(error.message) ? 'timeout' : 'unavailable';
  if (error.status >= 500) return 'unavailable';
  if (error.status === 401 || error.status === 403) return 'unauthorized';
  return 'rejected';
}

/** True for the kinds a later attempt may fix. */
export function isRetryable(kind: UpstreamKind): boolean {
  return kind === 'rate_limited' || kind === 'unavailable' || kind === 'timeout';
}

/**
 * What may be logged about an upstream failure: kind, status and `ERROR_…` token. Never the
 * message, which can hold a request path with the visitor's address in it.
 *
 * @example
 * logger.warn('Dotdigital call failed', describeUpstream(error)); // { kind: 'unavailable', status: 503 }
 */
export function describeUpstream(error: unknown): Record<string, unknown> {
  const cause = error instanceof UpstreamGaveUp ? error.lastError : error;
  const kind = error instanceof UpstreamGaveUp && cause === undefined ? 'timeout' : upstreamKind(cause);
  const details: Record<string, unknown> = { kind };
  if (error instanceof UpstreamGaveUp) details.attempts = error.attempts;
  if (cause instanceof DotdigitalApiError) {
    details.status = cause.status;
    if (cause.token) details.token = cause.token;
  } else if (kind === 'internal' && cause instanceof Error) {
    // A bug, not Dotdigital: the operator needs the stack, the visitor's address stays out.
    details.error = scrubEmails(cause.stack ?? `${cause.name}: ${cause.message}`);
  }
  return details;
}

/**
 * Replaces anything shaped like an email address with `[email]`.
 *
 * @example
 * scrubEmails('no contact ann@example.com'); // 'no contact [email]'
 */
export function scrubEmails(text: string): string {
  return text.replace(/[^\s@"'<>(),;:/]+@[^\s@"'<>(),;:/]+/g, '[email]').replace(/[^\s/]+%40[^\s/]+/gi, '[email]');
}
