import { BASE_HEADERS } from './json-response.js';
import type { SignupRuntime } from './signup-runtime.js';

/**
 * `GET`/`HEAD {endpoint}`: the cached form definition with an ETag; a matching
 * `If-None-Match` gets `304` and no body.
 *
 * @example
 * const response = await handleGet(runtime, new Request('https://www.example.com/api/signup'));
 */
export async function handleGet(runtime: SignupRuntime, request: Request): Promise<Response> {
  const { json, etag } = await runtime.definition.get();
  const ttl = Math.round(runtime.options.definitionTtlMs / 1000);
  const headers = {
    ...BASE_HEADERS,
    etag,
    // Browsers reuse it briefly and revalidate with the ETag; the proxy's own cache does the rest.
    'cache-control': `public, max-age=${Math.min(60, ttl)}, stale-while-revalidate=${Math.max(ttl, 60)}`,
  };
  if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(request.method === 'HEAD' ? null : json, { status: 200, headers });
}

// RFC 9110 weak comparison: `W/"x"` matches `"x"`; `*` matches anything.
function matches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}
