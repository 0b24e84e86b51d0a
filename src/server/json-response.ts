import type { SignupErrorCode } from '../core/index.js';

const BASE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' };

/** A JSON answer with the proxy's standard headers. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/** An error answer in the protocol's stable shape: `{ error: { code, message, field? } }`. */
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
