import type { SignupErrorCode } from '../../core/index.js';

const BASE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' };

/** What an answer said, for the signups metric: its `status`, or `error` and the code. */
export interface AnswerOutcome {
  status: string;
  code?: string;
}

// Kept beside each answer these helpers make, so counting outcomes never reads a body back.
const outcomes = new WeakMap<Response, AnswerOutcome>();

/**
 * The outcome of an answer made by {@link jsonResponse} (a body with a `status`) or
 * {@link errorResponse}, or given by {@link tagOutcome}; `undefined` for any other.
 *
 * @example
 * answerOutcome(errorResponse(400, 'invalid_email', '…')); // { status: 'error', code: 'invalid_email' }
 */
export function answerOutcome(response: Response): AnswerOutcome | undefined {
  return outcomes.get(response);
}

/**
 * Gives an answer made elsewhere (a redirect that carries the outcome) the outcome it stands for.
 *
 * @example
 * return tagOutcome(new Response(null, { status: 303, headers: { location } }), { status: 'queued' });
 */
export function tagOutcome(response: Response, outcome: AnswerOutcome): Response {
  outcomes.set(response, outcome);
  return response;
}

/**
 * A JSON answer with the proxy's standard headers (`X-Content-Type-Options: nosniff`, so
 * no browser ever sniffs an answer into HTML). `body` may be pre-serialised JSON text.
 *
 * @example
 * jsonResponse(201, { status: 'subscribed' }, { 'cache-control': 'no-store' });
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const response = new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
  const said = typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
  return typeof said === 'string' ? tagOutcome(response, { status: said }) : response;
}

/**
 * An error answer in the protocol's stable shape: `{ error: { code, message, field? } }`,
 * never cached.
 *
 * @example
 * errorResponse(400, 'invalid_email', 'Enter an email address like name@example.com.', 'email');
 */
export function errorResponse(
  status: number,
  code: SignupErrorCode,
  message: string,
  field?: string,
  headers: Record<string, string> = {},
): Response {
  const error = field === undefined ? { code, message } : { code, message, field };
  return tagOutcome(jsonResponse(status, { error }, { 'cache-control': 'no-store', ...headers }), { status: 'error', code });
}
