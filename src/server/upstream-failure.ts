import { DotdigitalApiError } from './dotdigital/dotdigital-api-error.js';
import { errorResponse } from './json-response.js';
import type { SignupLogger } from './signup-handler-options.js';
import { upstreamErrorKind } from './upstream-error-kind.js';
import { UpstreamGaveUp } from './with-retries.js';

// What the operator should do, by kind; the visitor only ever sees the generic answer.
const FIXES: Partial<Record<string, string>> = {
  unauthorized: 'Dotdigital refused the API user (401): check apiUser and apiPassword (Settings → Access → API users)',
  wrong_region: 'Dotdigital answered 403, which it does for the wrong region: set region (r1, r2, r3) or apiUrl to your account\'s API endpoint',
  unknown_data_field: 'A configured data field does not exist in Dotdigital: create it (Settings → Data fields) or remove it from `fields`',
  invalid_data_field: 'Dotdigital refused a data-field value: check each field\'s `type` matches its type in Dotdigital (Settings → Data fields)',
  usage_capped: 'Dotdigital capped this account\'s API usage (ERROR_APIUSAGE_EXCEEDED): signups fail until the cap lifts',
};

/**
 * Turns a failure while talking to Dotdigital into the visitor's answer and one log line.
 * Never lets an upstream body, a credential or a stack trace into the answer: the visitor
 * gets a stable code, the operator's log gets the kind, status, token and what to fix.
 *
 * @example
 * catch (error) { return upstreamFailure(error, logger, { contact: ref }, cors); }
 */
export function upstreamFailure(error: unknown, logger: SignupLogger | undefined, context: Record<string, unknown>, headers: Record<string, string>): Response {
  if (error instanceof UpstreamGaveUp) {
    const retryAfter = Math.min(3600, Math.max(1, Math.ceil((error.retryAfterMs ?? 10_000) / 1000)));
    logger?.warn(FIXES[error.kind] ?? 'Dotdigital did not answer within the retry budget', { ...context, kind: error.kind, attempts: error.attempts, ...details(error.last) });
    return errorResponse(503, 'upstream_unavailable', 'The newsletter service is not answering; try again shortly.', undefined, { ...headers, 'retry-after': String(retryAfter) });
  }
  if (!(error instanceof DotdigitalApiError)) {
    logger?.error('Signup handler failed', { ...context, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return errorResponse(500, 'internal_error', 'Something went wrong in the signup service.', undefined, headers);
  }
  const kind = upstreamErrorKind(error);
  if (kind === 'invalid_email') {
    logger?.info('Dotdigital refused the address as invalid', { ...context, ...details(error) });
    return errorResponse(400, 'invalid_email', 'Enter an email address in the correct format, like name@example.com.', 'email', headers);
  }
  if (kind === 'unknown_preference') {
    logger?.warn('Dotdigital no longer has a preference the form offered; the form definition will be refreshed', { ...context, ...details(error) });
    return errorResponse(400, 'unknown_preference', 'One of the choices is no longer available; load the form again.', 'preferences', headers);
  }
  logger?.error(FIXES[kind] ?? 'Dotdigital refused the call', { ...context, kind, ...details(error) });
  return errorResponse(502, 'upstream_rejected', 'The newsletter service refused the request.', undefined, headers);
}

function details(error: unknown): Record<string, unknown> {
  if (!(error instanceof DotdigitalApiError)) return {};
  // No HTTP answer (DNS, refused connection, timeout): the message is the only clue the operator
  // gets, e.g. "could not reach Dotdigital (ENOTFOUND)". It holds no body; addresses are masked anyway.
  const reason = error.status === 0 ? { reason: error.message.replace(/[^\s@()]+@[^\s@()]+/g, '[email]') } : {};
  return { status: error.status, token: error.token, ...reason };
}
