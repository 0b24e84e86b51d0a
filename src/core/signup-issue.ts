import type { SignupErrorCode } from './error-codes.js';
import { FIELD_TYPES, fieldAnswer } from './field-types.js';
import type { FormDefinition, FormField } from './form-definition.js';
import type { SignupMessages } from './messages.js';
import type { SignupError } from './signup-error.js';
import { waitDuration } from './wait-duration.js';

/**
 * One problem to show after a failed submit: in the error summary, and inline beside the
 * part of the form it concerns.
 */
export interface SignupIssue {
  code: SignupErrorCode;
  /** `email`, `fields.NAME`, `preferences`, `consent`, or `undefined` for the form as a whole. */
  field: string | undefined;
  /** The message to show, in the form's language. */
  message: string;
}

/** Codes worth a "Try again" button: nothing the visitor typed is wrong, the service is. */
export const RETRYABLE_CODES: ReadonlySet<SignupErrorCode> = new Set(['upstream_unavailable', 'network_error', 'rate_limited', 'internal_error']);

/**
 * Turns an error from the proxy into what the form shows, tied to a field when the proxy
 * named one the form has (without a definition yet, only the email and the consent are known).
 *
 * @example
 * issuesFromError(new SignupError('invalid_email', '…', { field: 'email' }), definition, messages);
 * // [{ code: 'invalid_email', field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]
 */
export function issuesFromError(error: SignupError, definition: FormDefinition | undefined, messages: SignupMessages): SignupIssue[] {
  const { code } = error;
  const message = errorMessage(error, messages);
  if (error.field === 'email') return [{ code, field: 'email', message }];
  if (error.field?.startsWith('fields.')) {
    const shown = definition?.fields.find((f) => `fields.${f.name}` === error.field);
    if (shown && code !== 'unknown_field') {
      const specific = code === 'missing_field' || code === 'invalid_field' ? fieldIssueMessage(code, shown, messages) : message;
      return [{ code, field: error.field, message: specific }];
    }
  }
  if (code === 'consent_mismatch') return [{ code, field: 'consent', message }];
  if (code === 'unknown_preference' && definition?.preferences.length) return [{ code, field: 'preferences', message }];
  return [{ code, field: undefined, message }];
}

// The message for a data field left empty or not a number, named by its label: the same words
// whether the form caught it or the proxy did.
function fieldIssueMessage(code: 'missing_field' | 'invalid_field', field: FormField, messages: SignupMessages): string {
  if (code === 'missing_field') return FIELD_TYPES[field.type].input === 'checkbox' ? messages.fieldConfirm(field.label) : messages.fieldRequired(field.label);
  return FIELD_TYPES[field.type].wrongValue(field.label, messages);
}

/**
 * The issue for a value the form's schema refused, from where it is (`['email']`,
 * `['fields', 'AGE']`, `['preferences', 'p9']`) and what it holds: the same code and words the
 * proxy's answer would get. A preference whose value is not `true` or `false` is a wiring bug
 * (a `<button>` checkbox given `register()`): the visitor is told something went wrong rather
 * than the choice being sent as "not ticked".
 *
 * @example
 * signupIssue(['email'], '', definition, englishMessages); // { code: 'missing_email', field: 'email', message: 'Enter your email address' }
 */
export function signupIssue(path: readonly PropertyKey[], raw: unknown, definition: FormDefinition, messages: SignupMessages): SignupIssue {
  const [head, name] = path.map(String);
  if (head === 'email') {
    const code = typeof raw !== 'string' || raw.trim() === '' ? 'missing_email' : 'invalid_email';
    return { code, field: 'email', message: messages.errors[code] };
  }
  const field = head === 'fields' ? definition.fields.find((candidate) => candidate.name === name) : undefined;
  if (field) {
    const code = fieldAnswer(raw as string | boolean | undefined) === undefined ? 'missing_field' : 'invalid_field';
    return { code, field: `fields.${field.name}`, message: fieldIssueMessage(code, field, messages) };
  }
  return { code: 'invalid_request', field: head === 'preferences' ? 'preferences' : undefined, message: messages.errors.invalid_request };
}

/**
 * What to tell the visitor about an error from the proxy. A rate limit or an outage whose
 * answer said how long to wait (`Retry-After`) says when to try again; the message stays
 * until the visitor acts (it is never hidden when the time is up).
 *
 * @example
 * errorMessage(new SignupError('rate_limited', '…', { retryAfter: 30 }), englishMessages);
 * // 'Too many signups at once. Try again in about 30 seconds.'
 */
export function errorMessage(error: SignupError, messages: SignupMessages): string {
  const seconds = waitAsked(error);
  if (seconds === undefined) return messages.errors[error.code];
  const say = error.code === 'rate_limited' ? messages.rateLimitedRetryAfter : messages.unavailableRetryAfter;
  return say(waitDuration(seconds, messages.locale), seconds);
}

/**
 * The "could not be loaded" notice: when to try again if the proxy said so; else whether the
 * visitor's connection failed (no answer), the address answered 404 (the site's mistake), or
 * the service answered with an error. The console has the details (signup-client's loadFailure).
 *
 * @example
 * definitionFailedMessage(loadError, messages); // 'The signup form could not be loaded. Try again in about 10 seconds.'
 */
export function definitionFailedMessage(error: SignupError | undefined, messages: SignupMessages): string {
  const seconds = error && waitAsked(error);
  if (seconds !== undefined) return messages.definitionFailedRetryAfter(waitDuration(seconds, messages.locale), seconds);
  const status = error?.status;
  return !status ? messages.definitionFailed : status === 404 ? messages.errors.not_found : messages.definitionUnavailable;
}

/** Seconds the proxy asked to wait, for the codes where waiting is the remedy. */
function waitAsked(error: SignupError): number | undefined {
  return error.code === 'rate_limited' || error.code === 'upstream_unavailable' ? error.retryAfter : undefined;
}
