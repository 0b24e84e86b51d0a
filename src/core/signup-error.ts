import type { SignupErrorCode } from './error-codes.js';

/** The JSON body of every error answer from the proxy. */
export interface SignupErrorBody {
  error: { code: SignupErrorCode; message: string; field?: string };
}

/**
 * An error from the signup proxy (or from reaching it), with the protocol's code, the
 * form field it concerns when there is one, the HTTP status (0 when no answer came) and,
 * when the answer had a `Retry-After` header, how many seconds it asked to wait.
 *
 * @example
 * try { await client.submit(payload); }
 * catch (e) { if (e instanceof SignupError && e.field === 'email') focusEmail(); }
 */
export class SignupError extends Error {
  override readonly name = 'SignupError';
  readonly code: SignupErrorCode;
  readonly field: string | undefined;
  readonly status: number;
  /** Whole seconds to wait before trying again, from the answer's `Retry-After` (429 and 503 answers carry one). */
  readonly retryAfter: number | undefined;

  constructor(code: SignupErrorCode, message: string, options: { field?: string; status?: number; retryAfter?: number } = {}) {
    super(message);
    this.code = code;
    this.field = options.field;
    this.status = options.status ?? 0;
    this.retryAfter = options.retryAfter;
  }

  /** The protocol's JSON shape for this error. */
  toJSON(): SignupErrorBody {
    const { code, message, field } = this;
    return { error: field === undefined ? { code, message } : { code, message, field } };
  }
}

/**
 * Any thrown value as a {@link SignupError} (a bug in a callback must not leave the form stuck).
 *
 * @example
 * catch (cause) { fail(toSignupError(cause)); }
 */
export function toSignupError(cause: unknown): SignupError {
  return cause instanceof SignupError ? cause : new SignupError('internal_error', String((cause as Error)?.message ?? cause));
}
