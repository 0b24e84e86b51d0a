import type { LocalizedDefinition } from './definition-snapshot.js';
import { jsonResponse } from '../http/json-response.js';

/** How long browsers and CDNs may keep serving a stale definition while they revalidate it. */
const STALE_WHILE_REVALIDATE_S = 300;

/**
 * The `GET`/`HEAD` answer for one locale's form definition: `304` when the browser's
 * `If-None-Match` already holds this version, else the JSON, with an ETag (one per locale), a
 * short shared max-age and the `Content-Language` it is in.
 *
 * @example
 * answerDefinition(request, snapshot.localized('de'), 60_000, { vary: 'Origin' });
 */
export function answerDefinition(request: Request, snapshot: LocalizedDefinition, cacheMs: number, extra: Record<string, string>): Response {
  const maxAge = Math.floor(cacheMs / 1000);
  const headers: Record<string, string> = {
    etag: snapshot.etag,
    'content-language': snapshot.locale,
    'cache-control': maxAge > 0 ? `public, max-age=${maxAge}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}` : 'no-cache',
    ...extra,
  };
  if (matches(request.headers.get('if-none-match'), snapshot.etag)) {
    return new Response(null, { status: 304, headers: { ...headers, 'x-content-type-options': 'nosniff' } });
  }
  if (request.method === 'HEAD') {
    return new Response(null, { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' } });
  }
  return jsonResponse(200, snapshot.json, headers);
}

// If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
function matches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
