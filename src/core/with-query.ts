/**
 * The proxy's endpoint with one more query parameter, by a string edit: a relative endpoint stays
 * relative (there may be no base URL to resolve it against), and one with a query keeps it.
 *
 * @example
 * withQuery('/api/signup', 'locale=de');     // '/api/signup?locale=de'
 * withQuery('/api/signup?site=2', 'challenge'); // '/api/signup?site=2&challenge'
 */
export const withQuery = (endpoint: string, query: string): string => `${endpoint}${endpoint.includes('?') ? '&' : '?'}${query}`;
