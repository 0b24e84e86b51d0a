import { errorResponse } from './json-response.js';

/** What the proxy allows cross-origin, decided once from `allowedOrigins`. */
export interface OriginPolicy {
  /** True when an allow-list is set: POSTs must then come from one of its origins. */
  enforced: boolean;
  /** Whether a POST with this `Origin` header (null when absent) may go on. */
  allowsPost(origin: string | null): boolean;
  /** Whether the consent record's page URL is on an allowed origin. */
  allowsPage(pageUrl: string): boolean;
  /** CORS headers for an answer to a request with this `Origin`. */
  corsHeaders(origin: string | null): Record<string, string>;
  /** The answer to `OPTIONS`: a CORS preflight for allowed origins only. */
  preflight(request: Request): Response;
}

/**
 * Exact-match origin allow-list. Without one the proxy sends no CORS headers (only pages on
 * its own origin can read its answers) and does not check `Origin` on POSTs; with one, POSTs
 * from other or missing origins are refused and only listed origins get CORS headers.
 *
 * @example
 * const policy = createOriginPolicy(['https://www.example.com']);
 * policy.allowsPost('https://evil.example'); // false
 */
export function createOriginPolicy(allowedOrigins: readonly string[]): OriginPolicy {
  const allowed = new Set(allowedOrigins);
  const enforced = allowed.size > 0;
  const isAllowed = (origin: string | null): origin is string => origin !== null && allowed.has(origin);
  return {
    enforced,
    allowsPost: (origin) => !enforced || isAllowed(origin),
    allowsPage(pageUrl) {
      if (!enforced) return true;
      return URL.canParse(pageUrl) && allowed.has(new URL(pageUrl).origin);
    },
    corsHeaders(origin): Record<string, string> {
      if (!isAllowed(origin)) return { vary: 'Origin' };
      return { vary: 'Origin', 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After' };
    },
    preflight(request) {
      const origin = request.headers.get('origin');
      const method = request.headers.get('access-control-request-method');
      if (method === null) return new Response(null, { status: 204, headers: { allow: 'GET, HEAD, POST, OPTIONS', vary: 'Origin' } });
      if (!isAllowed(origin) || !['GET', 'HEAD', 'POST'].includes(method)) {
        return errorResponse(403, 'origin_not_allowed', notAllowed(origin), undefined, { vary: 'Origin' });
      }
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, HEAD, POST',
          'access-control-allow-headers': 'Content-Type, Accept',
          'access-control-max-age': '7200',
          vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  };
}

/** The refusal message for a foreign or missing origin. */
export function notAllowed(origin: string | null): string {
  return origin === null || origin === 'null'
    ? 'This signup form only accepts requests sent by a page on an allowed website (the request had no Origin).'
    : `${origin.slice(0, 200)} is not allowed to use this signup form; the site owner can add it to allowedOrigins.`;
}
