import type { SignupErrorCode } from '../../core/index.js';
import { DotdigitalApiError, type DotdigitalErrorKind } from './dotdigital-api-error.js';
import { UpstreamGaveUp } from './upstream-gave-up.js';

/** Every way a call to Dotdigital can fail: the client's kinds, and `internal` for anything that is no Dotdigital answer (a bug). */
export type FailureKind = DotdigitalErrorKind | 'internal';

/** What one kind of failure means, on every path: the live signup, queue delivery and retries. */
export interface FailureRow {
  /** Try the call again at once (with backoff) within the visitor's retry budget. */
  retryNow: boolean;
  /** A live signup failing so is stored and answered `202 queued` (when a queue is configured); else it is answered below. */
  queueLive: boolean;
  /** A queued signup failing so stays for a later round; else it leaves the queue. */
  keepQueued: boolean;
  /**
   * The cause is not the visitor's (the account's set-up, Dotdigital's own trouble): a queued
   * signup that leaves the queue over it, refused now or still failing so at its age limit,
   * becomes a dead letter (kept, listed, requeued by command) instead of being dropped. False
   * only for the visitor's own reasons (an invalid address, one who left), which are dropped and counted.
   */
  deadLetter: boolean;
  /**
   * The visitor's answer. `pending_confirmation`: `202 {"status":"pending_confirmation"}`, the answer
   * every returning subscriber gets, whether Dotdigital emails them or cannot (so an address's status never shows).
   */
  answer: 'pending_confirmation' | { status: number; code: SignupErrorCode; message: string; field?: string };
  /** The operator's log line: what happened and, where it is theirs to fix, how. */
  log: { level: 'info' | 'warn' | 'error'; text: string };
  /** The cached form definition is out of date: refresh it. */
  refreshDefinition?: true;
  /** The contact unsubscribed or is suppressed: try Dotdigital's resubscribe flow (returning-contact.ts) instead. */
  resubscribe?: true;
  /**
   * The call was never sent (the shared call budget held it back): when earlier attempts of the
   * same request did reach Dotdigital and failed, the visitor's answer and the log are theirs.
   */
  notSent?: true;
  /** A signup a bulk import failed so is sent again through the single call (the contact write of a live signup). */
  retrySingly?: true;
  /** An import refused so is sent again as two halves, each its own import; one contact alone goes through the single call. */
  splitImport?: true;
}

const UNAVAILABLE = { status: 503, code: 'upstream_unavailable', message: 'The newsletter service is not answering; try again shortly.' } as const;
const REJECTED = { status: 502, code: 'upstream_rejected', message: 'The newsletter service refused the request.' } as const;
/** The answer to a bug: nothing of it reaches the visitor. */
export const INTERNAL_ERROR = { status: 500, code: 'internal_error', message: 'Something went wrong in the signup service.' } as const;
// Dotdigital is busy or away: try again now, queue a live signup, keep a queued one.
const AWAY: FailureRow = { retryNow: true, queueLive: true, keepQueued: true, deadLetter: true, answer: UNAVAILABLE, log: { level: 'warn', text: 'Dotdigital did not answer within the retry budget' } };
// Dotdigital refused this contact for the visitor's own reason: nothing to try again, answered, dropped from the queue.
const refusal = (log: FailureRow['log'], answer: FailureRow['answer'] = REJECTED): FailureRow => ({ retryNow: false, queueLive: false, keepQueued: false, deadLetter: false, answer, log });
// Dotdigital refused the call over the account's set-up (a field, a list, a preference it lacks): a queued one becomes a dead letter.
const accountRefusal = (log: FailureRow['log'], answer: FailureRow['answer'] = REJECTED): FailureRow => ({ ...refusal(log, answer), deadLetter: true });
// The account's set-up is wrong: the visitor cannot be helped now, but a queued signup waits for the operator's fix.
const setup = (text: string): FailureRow => ({ retryNow: false, queueLive: false, keepQueued: true, deadLetter: true, answer: REJECTED, log: { level: 'error', text } });
const error = (text: string) => ({ level: 'error', text }) as const;
// Only a bulk import reports these; its signups are sent again, one call each, which gives each its own answer.
const importFailure = (log: FailureRow['log']): FailureRow => ({ retryNow: false, queueLive: false, keepQueued: true, deadLetter: true, answer: REJECTED, log, retrySingly: true });

/**
 * The one table of what a Dotdigital failure means. A new kind of failure is a row here (and
 * its kind in dotdigital-api-error.ts); no other file decides by kind. test/server/dotdigital/
 * failure-table.test.ts walks every row through the proxy.
 *
 * @example
 * FAILURE_TABLE.unauthorized.keepQueued; // true: a queued signup waits for the credentials to be fixed
 */
export const FAILURE_TABLE: Readonly<Record<FailureKind, FailureRow>> = {
  // The v2 write refuses anyone who left: Dotdigital's resubscribe flow decides whether they can come back.
  suppressed: { ...refusal({ level: 'info', text: 'Contact is unsubscribed or suppressed: asking Dotdigital to resubscribe it (a confirmation email)' }, 'pending_confirmation'), resubscribe: true },
  cannot_resubscribe: refusal(
    { level: 'info', text: 'Contact cannot come back (Dotdigital: ContactCannotBeUnsuppressed — suppression list, hard bounce or complaint): nothing written or sent; answered as pending confirmation' },
    'pending_confirmation',
  ),
  invalid_email: refusal(
    { level: 'info', text: 'Dotdigital refused the address as invalid' },
    { status: 400, code: 'invalid_email', message: 'Enter an email address in the correct format, like name@example.com.', field: 'email' },
  ),
  unknown_data_field: accountRefusal(error('A configured data field does not exist in Dotdigital: create it (Settings → Data fields) or remove it from `fields`')),
  invalid_data_field: accountRefusal(error('Dotdigital refused a data-field value: check each field\'s `type` matches its type in Dotdigital (Settings → Data fields)')),
  unknown_preference: {
    ...accountRefusal(
      { level: 'warn', text: 'Dotdigital no longer has a preference the form offered; the form definition will be refreshed' },
      { status: 400, code: 'unknown_preference', message: 'One of the choices is no longer available; load the form again.', field: 'preferences' },
    ),
    refreshDefinition: true,
  },
  unknown_address_book: accountRefusal(error('Address book does not exist in Dotdigital: fix addressBookId (Contacts → Lists shows the ids)')),
  rate_limited: AWAY,
  // Every instance knows Dotdigital will not take a call yet (429 until its reset, or an outage
  // with one probe at a time): queue at once, nobody waits out a retry budget to learn it again.
  held_back: {
    ...AWAY, retryNow: false, notSent: true,
    log: { level: 'info', text: 'Dotdigital not called: the shared call budget holds calls back (rate limit until its reset, or a known outage)' },
  },
  // The hourly cap lifts in minutes, not within a visitor's wait: no retry now, but queue and keep.
  usage_capped: { ...AWAY, retryNow: false, log: { level: 'warn', text: 'Dotdigital capped this account\'s API usage (ERROR_APIUSAGE_EXCEEDED): signups fail until the cap lifts' } },
  unavailable: AWAY,
  timeout: AWAY,
  unauthorized: setup('Dotdigital refused the API user (401): check apiUser and apiPassword (Settings → Access → API users)'),
  wrong_region: setup('Dotdigital answered 403, which it does for the wrong region: set region (r1, r2, r3) or apiUrl to your account\'s API endpoint'),
  // A refusal Dotdigital gave no reason for: not known to be the visitor's, so a queued one is kept as a dead letter.
  not_found: accountRefusal(error('Dotdigital refused the call')),
  rejected: accountRefusal(error('Dotdigital refused the call')),
  // Over Dotdigital's body limit (50 MB for an import): an import is halved until each part fits;
  // a contact too large alone is not known to be the visitor's doing, so a queued one is a dead letter.
  too_large: { ...accountRefusal(error('Dotdigital refused a request as too large (413): an import is sent again in halves, a contact alone through the single call')), splitImport: true },
  // 25 imports are being processed: the batch waits for one to finish (its signups stay queued).
  too_many_imports: { ...AWAY, retryNow: false, log: { level: 'warn', text: 'Dotdigital is processing 25 imports for this account: the next batch waits for one to finish' } },
  consent_not_applied: importFailure({ level: 'warn', text: 'The import stored the contact without its consent record: sent again through the single call' }),
  rejected_by_watchdog: importFailure({ level: 'warn', text: 'Dotdigital\'s data-quality check rejected a whole import (RejectedByWatchdog): its signups are sent one by one' }),
  import_failed: importFailure({ level: 'warn', text: 'The import did not apply the contact: sent again through the single call' }),
  // A bug, not Dotdigital: the visitor learns nothing of it; a queued signup is kept for when it is fixed.
  internal: { ...setup('Signup handler failed'), answer: INTERNAL_ERROR },
};

/**
 * The kind of a failure: the client's typed kind (also when retries gave up on it), `internal` otherwise.
 *
 * @example
 * failureKind(new DotdigitalApiError(429, undefined, 'busy')); // 'rate_limited'
 */
export function failureKind(error: unknown): FailureKind {
  return error instanceof DotdigitalApiError || error instanceof UpstreamGaveUp ? error.kind : 'internal';
}

/**
 * How long Dotdigital (or the call budget) said to wait before trying again, in ms: the typed
 * errors' `retryAfterMs`, `undefined` when unknown or for any other thrown value (null included).
 *
 * @example
 * failureRetryAfterMs(new DotdigitalApiError(429, undefined, 'busy', 42_000)); // 42000
 */
export function failureRetryAfterMs(error: unknown): number | undefined {
  return error instanceof DotdigitalApiError || error instanceof UpstreamGaveUp ? error.retryAfterMs : undefined;
}

/**
 * Whether a queued signup that failed so stays queued: its row's `keepQueued`, and nothing else
 * (a kind is Dotdigital's word on the contact only when it answered a 4xx: see `errorKindFor`).
 *
 * @example
 * keepsQueuedSignup(new DotdigitalApiError(401, undefined, 'denied')); // true
 */
export function keepsQueuedSignup(error: unknown): boolean {
  return FAILURE_TABLE[failureKind(error)].keepQueued;
}

/**
 * The `unknown_address_book` log line naming the configured id: said when a contact is kept
 * although its list membership failed (a new contact's, or a returning one's), so both say it alike.
 *
 * @example
 * unknownAddressBookText(42); // 'Address book 42 does not exist in Dotdigital: fix addressBookId (…)'
 */
export function unknownAddressBookText(addressBookId: number | undefined): string {
  return FAILURE_TABLE.unknown_address_book.log.text.replace('Address book', `Address book ${addressBookId}`);
}
