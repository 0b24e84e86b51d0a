import { errorResponse } from './json-response.js';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** How long a browser may cache a preflight (Chromium caps this at 2 hours). */
const PREFLIGHT_MAX_AGE = '7200';

/**
 * The origin rules: an exact-match allow-list. `corsHeaders` adds the CORS answer (and
 * `Vary: Origin`, since answers differ by origin) for an allowed origin only; `allowsPost`
 * refuses a foreign or missing `Origin` once a list is set; `preflight` answers `OPTIONS`.
 *
 * @example
 * const cors = createOriginPolicy(new Set(['https://www.example.com']));
 * cors.allowsPost('https://evil.example'); // false
 */
export function createOriginPolicy(allowed: Set<string>) {
  const isAllowed = (origin: string | null): boolean => origin !== null && allowed.has(origin);
  return {
    /** True when a POST with this `Origin` header may sign someone up. */
    allowsPost(origin: string | null): boolean {
      return allowed.size === 0 || isAllowed(origin);
    },
    /** True when the page URL of a consent record may be recorded. */
    allowsPage(pageUrl: URL): boolean {
      return allowed.size === 0 || allowed.has(pageUrl.origin);
    },
    corsHeaders(origin: string | null): Record<string, string> {
      // Retry-After is not a CORS-safelisted header: without the expose list a page on another origin cannot read it.
      return origin !== null && isAllowed(origin)
        ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' }
        : { vary: 'Origin' };
    },
    preflight(request: Request): Response {
      const origin = request.headers.get('origin');
      if (origin === null) return new Response(null, { status: 204, headers: { allow: 'GET, HEAD, POST, OPTIONS', 'x-content-type-options': 'nosniff' } });
      if (!isAllowed(origin)) {
        return errorResponse(403, 'origin_not_allowed', `${origin.slice(0, 100)} is not in this proxy's allowedOrigins.`, undefined, { vary: 'Origin' });
      }
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': 'content-type, accept',
          'access-control-max-age': PREFLIGHT_MAX_AGE,
          vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  };
}

/** The origin policy of one handler. */
export type OriginPolicy = ReturnType<typeof createOriginPolicy>;
