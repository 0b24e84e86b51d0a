import type { SignupErrorCode } from '../../core/index.js';

const BASE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' };

/**
 * A JSON answer with the proxy's standard headers (`X-Content-Type-Options: nosniff`, so
 * no browser ever sniffs an answer into HTML). `body` may be pre-serialised JSON text.
 *
 * @example
 * jsonResponse(201, { status: 'subscribed' }, { 'cache-control': 'no-store' });
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
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
  return jsonResponse(status, { error }, { 'cache-control': 'no-store', ...headers });
}
