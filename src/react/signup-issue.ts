import type { SignupErrorCode } from '../core/error-codes.js';
import type { FormDefinition } from '../core/form-definition.js';
import type { SignupMessages } from '../core/messages.js';
import { SignupError } from '../core/signup-error.js';

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
 * named one the form has.
 *
 * @example
 * issuesFromError(new SignupError('invalid_email', '…', { field: 'email' }), definition, messages);
 * // [{ code: 'invalid_email', field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]
 */
export function issuesFromError(error: SignupError, definition: FormDefinition, messages: SignupMessages): SignupIssue[] {
  const { code } = error;
  const message = messages.errors[code];
  if (error.field === 'email') return [{ code, field: 'email', message }];
  if (error.field?.startsWith('fields.')) {
    const shown = definition.fields.find((f) => `fields.${f.name}` === error.field);
    if (shown && code !== 'unknown_field') {
      const required = shown.type === 'Boolean' ? messages.fieldConfirm(shown.label) : messages.fieldRequired(shown.label);
      const specific = code === 'missing_field' ? required : code === 'invalid_field' && shown.type === 'Numeric' ? messages.fieldNumber(shown.label) : message;
      return [{ code, field: error.field, message: specific }];
    }
  }
  if (code === 'consent_mismatch') return [{ code, field: 'consent', message }];
  if (code === 'unknown_preference' && definition.preferences.length > 0) return [{ code, field: 'preferences', message }];
  return [{ code, field: undefined, message }];
}

/**
 * Any thrown value as a {@link SignupError} (a bug in a callback must not leave the form stuck).
 *
 * @example
 * catch (cause) { setError(toSignupError(cause)); }
 */
export function toSignupError(cause: unknown): SignupError {
  return cause instanceof SignupError ? cause : new SignupError('internal_error', String((cause as Error)?.message ?? cause));
}
