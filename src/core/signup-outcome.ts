import { isSignupErrorCode, type SignupErrorCode } from './error-codes.js';
import type { SignupStatus } from './signup-client.js';
import { SignupError } from './signup-error.js';

/**
 * How the proxy tells a page the outcome of a form posted without JavaScript: it answers `303`
 * back to the page with these query parameters (and the form's id as the fragment), e.g.
 * `/newsletter?dotdigital-signup=error&dotdigital-signup-code=invalid_email&dotdigital-signup-field=email#signup-1`.
 * Prefixed, so they never clash with the page's own (an OAuth `code`, say).
 */
export const SIGNUP_OUTCOME_PARAMS = {
  status: 'dotdigital-signup',
  code: 'dotdigital-signup-code',
  field: 'dotdigital-signup-field',
  retryAfter: 'dotdigital-signup-retry-after',
} as const;

/** The outcome of a posted form: a success status, or an error with its protocol code. */
export type SignupOutcome =
  | { status: SignupStatus }
  | { status: 'error'; code: SignupErrorCode; field?: string; retryAfterSeconds?: number };

/** A field name an outcome may carry (it is the visitor's URL: anything else is dropped). */
export const OUTCOME_FIELD = /^[A-Za-z0-9_.]{1,60}$/;

/**
 * The page's URL with `outcome` in it (any earlier outcome replaced), and `formId` as its fragment.
 *
 * @example
 * signupOutcomeUrl('https://www.example.com/news?x=1', { status: 'subscribed' }, 'signup');
 * // 'https://www.example.com/news?x=1&dotdigital-signup=subscribed#signup'
 */
export function signupOutcomeUrl(page: string | URL, outcome: SignupOutcome, formId?: string): string {
  const url = new URL(withoutSignupOutcome(page));
  url.searchParams.set(SIGNUP_OUTCOME_PARAMS.status, outcome.status);
  if (outcome.status === 'error') {
    url.searchParams.set(SIGNUP_OUTCOME_PARAMS.code, outcome.code);
    if (outcome.field !== undefined && OUTCOME_FIELD.test(outcome.field)) url.searchParams.set(SIGNUP_OUTCOME_PARAMS.field, outcome.field);
    if (outcome.retryAfterSeconds !== undefined) url.searchParams.set(SIGNUP_OUTCOME_PARAMS.retryAfter, String(Math.ceil(outcome.retryAfterSeconds)));
  }
  if (formId) url.hash = formId.slice(0, 100);
  return url.href;
}

/** A page's query without its URL: `URLSearchParams`, or Next.js's `searchParams` record (awaited). */
export type SignupOutcomeQuery = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The URL without the outcome's parameters (for `history.replaceState`, so a reload or a
 * shared link does not show the outcome again).
 *
 * @example
 * withoutSignupOutcome('https://www.example.com/news?dotdigital-signup=queued'); // 'https://www.example.com/news'
 */
export function withoutSignupOutcome(url: string | URL): string {
  const parsed = new URL(url);
  for (const name of Object.values(SIGNUP_OUTCOME_PARAMS)) parsed.searchParams.delete(name);
  return parsed.href;
}


/**
 * An outcome as the signup controller shows it (`controller.show`): the status, or the error.
 *
 * @example
 * controller.show(signupOutcomeResult({ status: 'error', code: 'invalid_email', field: 'email' }));
 */
export function signupOutcomeResult(outcome: SignupOutcome): SignupStatus | SignupError {
  return outcome.status === 'error' ? new SignupError(outcome.code, '', { field: outcome.field, retryAfter: outcome.retryAfterSeconds }) : outcome.status;
}
