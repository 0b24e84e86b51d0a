import { DotdigitalApiError } from './dotdigital/dotdigital-api-error.js';

/** What went wrong with a call to Dotdigital, in the terms the proxy decides on. */
export type UpstreamErrorKind =
  | 'suppressed'
  | 'invalid_email'
  | 'rate_limited'
  | 'usage_capped'
  | 'unavailable'
  | 'timeout'
  | 'unauthorized'
  | 'wrong_region'
  | 'preference_not_found'
  | 'datafield_not_found'
  | 'addressbook_not_found'
  | 'rejected';

const KINDS = new Set<string>([
  'suppressed', 'invalid_email', 'rate_limited', 'usage_capped', 'unavailable', 'timeout', 'unauthorized',
  'wrong_region', 'preference_not_found', 'datafield_not_found', 'addressbook_not_found', 'rejected',
]);

const BY_TOKEN: Record<string, UpstreamErrorKind> = {
  ERROR_CONTACT_SUPPRESSED: 'suppressed',
  ERROR_APIUSAGE_EXCEEDED: 'usage_capped',
  ERROR_PREFERENCE_NOT_FOUND: 'preference_not_found',
  ERROR_DATAFIELD_NOTFOUND: 'datafield_not_found',
  ERROR_ADDRESSBOOK_NOT_FOUND: 'addressbook_not_found',
};

/**
 * Classifies a failed Dotdigital call. Uses the client's typed `kind` when it has one,
 * otherwise the `ERROR_…` token and the status class — never the prose of the message.
 *
 * @example
 * upstreamErrorKind(new DotdigitalApiError(429, undefined, 'busy')); // 'rate_limited'
 */
export function upstreamErrorKind(error: unknown): UpstreamErrorKind {
  if (!(error instanceof DotdigitalApiError)) return 'unavailable';
  const typed = (error as { kind?: unknown }).kind;
  if (typeof typed === 'string' && KINDS.has(typed)) return typed as UpstreamErrorKind;
  const byToken = error.token ? BY_TOKEN[error.token] : undefined;
  if (byToken) return byToken;
  if (error.status === 400 && error.token === 'ERROR_PARAMETER_INVALID') return 'invalid_email';
  if (error.status === 429) return 'rate_limited';
  if (error.status === 401) return 'unauthorized';
  if (error.status === 403) return 'wrong_region';
  if (error.status === 0) return /timed out/i.test(error.message) ? 'timeout' : 'unavailable';
  if (error.status >= 500) return 'unavailable';
  return 'rejected';
}

/** True for the kinds worth another attempt within the same visitor's request. */
export function isRetryable(kind: UpstreamErrorKind): boolean {
  return kind === 'rate_limited' || kind === 'unavailable' || kind === 'timeout';
}
