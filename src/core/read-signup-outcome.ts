import { isSignupErrorCode } from './error-codes.js';
import type { SignupStatus } from './signup-client.js';
import { OUTCOME_FIELD, SIGNUP_OUTCOME_PARAMS, type SignupOutcome, type SignupOutcomeQuery } from './signup-outcome.js';

// Apart from signup-outcome.ts: a page's form reads its URL with this only when the URL carries
// an outcome (posted-form.tsx loads it then), so most pages never download it.

const STATUSES: ReadonlySet<string> = new Set(['subscribed', 'pending_confirmation', 'queued', 'error']);

/**
 * The outcome a page's URL carries, or `undefined` when it carries none; `formId` is the
 * fragment. Anything unexpected in it (it is the visitor's URL, anyone can write one) is
 * dropped, and an unknown code reads as `internal_error`. A server reads the request's URL
 * (or, in a Next.js page, `await searchParams`): browsers never send the fragment, so its
 * outcome has no `formId`.
 *
 * @example
 * readSignupOutcome(location.href); // { status: 'error', code: 'invalid_email', field: 'email', formId: 'signup' }
 * readSignupOutcome(await searchParams); // in a Next.js page: { status: 'subscribed' }
 */
export function readSignupOutcome(url: string | URL | SignupOutcomeQuery): (SignupOutcome & { formId?: string }) | undefined {
  let query: URLSearchParams;
  let hash = '';
  if (typeof url === 'string' || url instanceof URL) ({ searchParams: query, hash } = new URL(url));
  else query = url instanceof URLSearchParams ? url : new URLSearchParams(Object.entries(url).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const status = query.get(SIGNUP_OUTCOME_PARAMS.status);
  if (status === null || !STATUSES.has(status)) return undefined;
  const formId = hash.length > 1 ? { formId: safeDecode(hash.slice(1)) } : {};
  if (status !== 'error') return { status: status as SignupStatus, ...formId };
  const code = query.get(SIGNUP_OUTCOME_PARAMS.code);
  const field = query.get(SIGNUP_OUTCOME_PARAMS.field);
  const retryAfter = query.get(SIGNUP_OUTCOME_PARAMS.retryAfter);
  return {
    status: 'error',
    code: isSignupErrorCode(code) ? code : 'internal_error',
    ...(field !== null && OUTCOME_FIELD.test(field) ? { field } : {}),
    ...(retryAfter !== null && /^\d{1,6}$/.test(retryAfter) ? { retryAfterSeconds: Number(retryAfter) } : {}),
    ...formId,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
