import type { DotdigitalRateLimit } from './rate-limit.js';

/**
 * What went wrong with a Dotdigital call, for the proxy to map to its own error codes.
 *
 * - `suppressed`: the address is unsubscribed or on the suppression list (ERROR_CONTACT_SUPPRESSED,
 *   or a 2xx write whose contact status is `Suppressed`, `Unsubscribed` or anything but
 *   `Subscribed`/`PendingOptIn`). The proxy then tries Dotdigital's resubscribe flow.
 * - `cannot_resubscribe`: the resubscribe flow cannot bring the contact back (Dotdigital's
 *   `ContactCannotBeUnsuppressed`: suppression list, hard bounce, complaint). Answered like
 *   every returning subscriber, so the form never reveals which addresses are known.
 * - `invalid_email`, `unknown_data_field`, `invalid_data_field`, `unknown_preference`,
 *   `unknown_address_book`: the request named something Dotdigital refuses.
 * - `rate_limited` (429), `usage_capped` (ERROR_APIUSAGE_EXCEEDED), `unavailable` (5xx, no
 *   answer), `timeout`: transient — try again later, after `retryAfterMs` when known.
 *
 * What the proxy does with each kind is one row of FAILURE_TABLE (failure-table.ts).
 * - `unauthorized` (401: wrong API user or password), `wrong_region` (403 from another
 *   region's host, or a discovered endpoint outside the allow-list): configuration errors.
 * - `not_found` (404), `rejected` (any other refusal).
 * - `held_back`: not sent at all, because the shared call budget says wait (after a 429 until
 *   `X-RateLimit-Reset`, or while Dotdigital is known to be down); `retryAfterMs` says how long.
 * - `too_large` (413, `contacts:requestTooLarge`): the body is over Dotdigital's limit (50 MB for an import).
 * - Bulk import (v3): `too_many_imports` (429 `contacts:tooManyActiveImports`: 25 imports are
 *   being processed), and per contact or per import in an import's report: `consent_not_applied`,
 *   `rejected_by_watchdog`, `import_failed` (any other failure code or import status).
 */
export type DotdigitalErrorKind =
  | 'suppressed' | 'cannot_resubscribe' | 'invalid_email' | 'unknown_data_field' | 'invalid_data_field' | 'unknown_preference'
  | 'unknown_address_book' | 'rate_limited' | 'usage_capped' | 'unauthorized' | 'wrong_region'
  | 'not_found' | 'unavailable' | 'timeout' | 'rejected' | 'held_back' | 'too_large'
  | 'too_many_imports' | 'consent_not_applied' | 'rejected_by_watchdog' | 'import_failed';

const TOKEN_KINDS: Record<string, DotdigitalErrorKind> = {
  ERROR_CONTACT_SUPPRESSED: 'suppressed',
  ERROR_CONTACT_SUPPRESSEDFORADDRESSBOOK: 'suppressed',
  // Dotdigital answers an invalid address on contact writes with ERROR_PARAMETER_INVALID.
  ERROR_PARAMETER_INVALID: 'invalid_email',
  ERROR_INVALID_EMAIL: 'invalid_email',
  ERROR_CONTACT_INVALID: 'invalid_email',
  ERROR_DATAFIELD_NOTFOUND: 'unknown_data_field',
  ERROR_DATAFIELD_INVALID: 'invalid_data_field',
  ERROR_PREFERENCE_NOT_FOUND: 'unknown_preference',
  ERROR_ADDRESSBOOK_NOT_FOUND: 'unknown_address_book',
  ERROR_APIUSAGE_EXCEEDED: 'usage_capped',
  ERROR_SYSTEM_SERVICETEMPORARILYUNAVAILABLE: 'unavailable',
  ERROR_CONTACT_NOT_FOUND: 'not_found',
  // v3 answers with an `errorCode` in its envelope instead of a token in a message.
  'contacts:tooManyActiveImports': 'too_many_imports',
  'contacts:requestTooLarge': 'too_large',
};

/**
 * The kind of a failed answer from its HTTP status and `ERROR_…` token. Only a 4xx is
 * Dotdigital's word on the request, and there the token wins; anything else that is no
 * success (no answer, a 5xx, a redirect nobody followed) is trouble on the way: `unavailable`.
 *
 * @example
 * errorKindFor(400, 'ERROR_CONTACT_SUPPRESSED'); // 'suppressed'
 * errorKindFor(403, undefined); // 'wrong_region'
 * errorKindFor(500, 'ERROR_CONTACT_SUPPRESSED'); // 'unavailable'
 */
export function errorKindFor(status: number, token: string | undefined): DotdigitalErrorKind {
  if (status < 400 || status >= 500) return 'unavailable';
  const byToken = token ? TOKEN_KINDS[token] : undefined;
  if (byToken) return byToken;
  if (status === 401) return 'unauthorized';
  if (status === 403 && !token) return 'wrong_region';
  if (status === 404) return 'not_found';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  return 'rejected';
}

/** Extra facts about a failure. */
export interface DotdigitalErrorDetails {
  kind?: DotdigitalErrorKind;
  /** The `X-RateLimit-*` headers of the answer, when it had them. */
  rateLimit?: DotdigitalRateLimit;
  /** For a 2xx write refused as `suppressed`: the status Dotdigital gave the contact. */
  contactStatus?: string;
  cause?: unknown;
}

/**
 * A refusal or failure from Dotdigital. `token` is the `ERROR_…` code read from the
 * message (never match the prose), `status` the HTTP status (0 when no answer came),
 * `kind` what the proxy acts on. Messages never contain credentials or email addresses.
 *
 * @example
 * try { await client.createContactWithConsentAndPreferences(body); }
 * catch (error) { if (error instanceof DotdigitalApiError && error.kind === 'suppressed') answerAsSubscribed(); }
 */
export class DotdigitalApiError extends Error {
  override readonly name = 'DotdigitalApiError';
  readonly kind: DotdigitalErrorKind;
  readonly rateLimit: DotdigitalRateLimit | undefined;
  readonly contactStatus: string | undefined;

  constructor(
    readonly status: number,
    readonly token: string | undefined,
    message: string,
    /** Milliseconds to wait before trying again, from the rate-limit headers; undefined when unknown. */
    readonly retryAfterMs?: number,
    details: DotdigitalErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind ?? errorKindFor(status, token);
    this.rateLimit = details.rateLimit;
    this.contactStatus = details.contactStatus;
  }
}

/**
 * Reads the error code from a Dotdigital error body: the `ERROR_…` token of a v2 message
 * (`"Error: X"` or `"A sentence. X"`), or the `errorCode` of the v3 envelope
 * (`{"errorCode","description","details"}`).
 *
 * @example
 * readErrorToken({ message: 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED' }); // 'ERROR_CONTACT_SUPPRESSED'
 * readErrorToken({ errorCode: 'contacts:tooManyActiveImports', description: '…' }); // 'contacts:tooManyActiveImports'
 */
export function readErrorToken(body: unknown): string | undefined {
  const { message, errorCode } = (body ?? {}) as { message?: unknown; errorCode?: unknown };
  if (typeof errorCode === 'string' && /^[A-Za-z]+:[A-Za-z]+$/.test(errorCode)) return errorCode;
  return typeof message === 'string' ? /ERROR_[A-Z_]+/.exec(message)?.[0] : undefined;
}

// What a v3 refusal is about, from the `item` of its first detail (never its prose).
const V3_ITEM_KINDS: Array<[RegExp, DotdigitalErrorKind]> = [
  [/^lists\b/, 'unknown_address_book'],
  [/^preferences\b/, 'unknown_preference'],
  [/^identifiers\.email$/, 'invalid_email'],
  [/^dataFields\b/, 'invalid_data_field'],
];

/**
 * The kind of a v3 `400` (`{"errorCode","details":[{"item"}]}`) from the item it names; `undefined` for anything else.
 *
 * @example
 * v3ErrorKind(400, { errorCode: 'contacts:validationError', details: [{ item: 'lists[0]' }] }); // 'unknown_address_book'
 */
export function v3ErrorKind(status: number, body: unknown): DotdigitalErrorKind | undefined {
  const details = (body as { details?: unknown } | undefined)?.details;
  if (status !== 400 || !Array.isArray(details)) return undefined;
  const item = (details[0] as { item?: unknown } | undefined)?.item;
  return typeof item === 'string' ? V3_ITEM_KINDS.find(([pattern]) => pattern.test(item))?.[1] : undefined;
}
