/**
 * Every error code the proxy can answer with, shared by browser and server so the
 * widget can map each one to a message. Codes are snake_case and stable: they are part
 * of the widget ⇄ proxy protocol (see DESIGN.md), so add, never rename.
 *
 * @example
 * import { isSignupErrorCode } from 'dotdigital-signup/core';
 * isSignupErrorCode('invalid_email'); // true
 */
export const SIGNUP_ERROR_CODES = [
  'invalid_json',
  'invalid_request',
  'payload_too_large',
  'unsupported_media_type',
  'method_not_allowed',
  'not_found',
  'missing_email',
  'invalid_email',
  'unknown_preference',
  'unknown_field',
  'invalid_field',
  'missing_field',
  'consent_mismatch',
  'invalid_page_url',
  'origin_not_allowed',
  'rate_limited',
  'human_check_failed',
  'javascript_required',
  'contact_rejected',
  'upstream_unavailable',
  'upstream_rejected',
  'network_error',
  'internal_error',
] as const;

/** One of {@link SIGNUP_ERROR_CODES}. */
export type SignupErrorCode = (typeof SIGNUP_ERROR_CODES)[number];

/**
 * True when `value` is a known error code.
 *
 * @example
 * isSignupErrorCode(body.error.code) ? body.error.code : 'internal_error';
 */
export function isSignupErrorCode(value: unknown): value is SignupErrorCode {
  return typeof value === 'string' && (SIGNUP_ERROR_CODES as readonly string[]).includes(value);
}
