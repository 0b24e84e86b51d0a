import { errorResponse } from '../http/json-response.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import { DotdigitalApiError } from './dotdigital-api-error.js';
import { FAILURE_TABLE, failureKind, failureRetryAfterMs, INTERNAL_ERROR } from './failure-table.js';
import { UpstreamGaveUp } from './upstream-gave-up.js';

/**
 * Turns a failure while talking to Dotdigital into the visitor's answer and one log line, as
 * its row of the failure table says. Never lets an upstream body, a credential or a stack
 * trace into the answer: the visitor gets a stable code, the operator's log gets the kind,
 * status, token and what to fix.
 *
 * @example
 * catch (error) { return upstreamFailure(error, logger, { contact: ref }, cors); }
 */
export function upstreamFailure(error: unknown, logger: SignupLogger | undefined, context: Record<string, unknown>, headers: Record<string, string>): Response {
  const kind = failureKind(error);
  const { answer, log } = FAILURE_TABLE[kind];
  logger?.[log.level](log.text, { ...context, ...facts(error) });
  // 'pending_confirmation' is answered where the write happens (submitSignup); reaching here with it is a bug.
  const { status, code, message, field }: Exclude<typeof answer, 'pending_confirmation'> = answer === 'pending_confirmation' ? INTERNAL_ERROR : answer;
  if (status !== 503) return errorResponse(status, code, message, field, headers);
  const retryAfterMs = failureRetryAfterMs(error);
  const retryAfter = Math.min(3600, Math.max(1, Math.ceil((retryAfterMs ?? 10_000) / 1000)));
  return errorResponse(status, code, message, field, { ...headers, 'retry-after': String(retryAfter) });
}

// What the operator needs to find the cause; no body, no credential.
function facts(error: unknown): Record<string, unknown> {
  if (error instanceof UpstreamGaveUp) return { kind: error.kind, attempts: error.attempts, ...details(error.last) };
  if (error instanceof DotdigitalApiError) return { kind: error.kind, ...details(error) };
  return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

function details(error: unknown): Record<string, unknown> {
  if (!(error instanceof DotdigitalApiError)) return {};
  // No HTTP answer (DNS, refused connection, timeout): the message is the only clue the operator
  // gets, e.g. "could not reach Dotdigital (ENOTFOUND)". It holds no body; addresses are masked anyway.
  const reason = error.status === 0 ? { reason: error.message.replace(/[^\s@()]+@[^\s@()]+/g, '[email]') } : {};
  return { status: error.status, token: error.token, ...reason };
}
