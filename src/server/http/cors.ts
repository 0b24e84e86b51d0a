import { errorResponse } from './json-response.js';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** How long a browser may cache a preflight (Chromium caps this at 2 hours). */
const PREFLIGHT_MAX_AGE = '7200';

const hostOf = (origin: string) => (URL.canParse(origin) ? new URL(origin).host : undefined);

/**
 * The host of the proxy as the visitor's browser sees it: the request's own, or (when the browser
 * says the page is `same-origin`) the page's, which stays right behind a proxy that rewrites `Host`.
 * Schemes are not compared: behind a TLS-terminating proxy the request arrives as `http`.
 */
function ownHost(request: Request): string {
  const origin = request.headers.get('origin');
  const page = request.headers.get('sec-fetch-site') === 'same-origin' && origin !== null ? hostOf(origin) : undefined;
  return page ?? new URL(request.url).host;
}

/**
 * The origin rules. With an allow-list: exact matches only; `corsHeaders` adds the CORS answer (and
 * `Vary: Origin`, since answers differ by origin) for an allowed origin, and `allowsPost` refuses
 * a foreign or missing `Origin`. Without one (the default) the proxy's own origin alone: a POST a
 * browser says came from another site (`Sec-Fetch-Site: cross-site` or `same-site`) or whose
 * `Origin` is another host is refused, and the page recorded must be on the proxy's own host; a
 * request with neither `Origin` nor `Sec-Fetch-Site` came from no browser page (a server, an
 * app, curl: no visitor's browser can be made to send it) and is taken, limits and all.
 * `preflight` answers `OPTIONS`.
 *
 * @example
 * const cors = createOriginPolicy(new Set(['https://www.example.com']));
 * cors.allowsPost(new Request(url, { method: 'POST', headers: { origin: 'https://evil.example' } })); // false
 */
export function createOriginPolicy(allowed: Set<string>) {
  const isAllowed = (origin: string | null): boolean => origin !== null && allowed.has(origin);
  return {
    /** True when this POST may sign someone up, by its `Origin` and `Sec-Fetch-Site`. */
    allowsPost(request: Request): boolean {
      const origin = request.headers.get('origin');
      if (allowed.size > 0) return isAllowed(origin);
      const site = request.headers.get('sec-fetch-site');
      if (site === 'cross-site' || site === 'same-site') return false;
      if (origin === null) return true;
      return site === 'same-origin' || hostOf(origin) === new URL(request.url).host;
    },
    /** True when the page URL of a consent record (and the page a confirmation link leads to) may be this one. */
    allowsPage(pageUrl: URL, request: Request): boolean {
      return allowed.size > 0 ? allowed.has(pageUrl.origin) : pageUrl.host === ownHost(request);
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
