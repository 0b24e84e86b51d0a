/**
 * The hosts a discovered `ApiEndpoint` may name: Dotdigital's regional and legacy API hosts,
 * over HTTPS. Anything else is refused, so a tampered answer cannot point the proxy (and its
 * credentials) elsewhere. Test it against the value without its trailing slash.
 *
 * @example
 * API_ENDPOINT_PATTERN.test('https://r2-api.dotdigital.com'); // true
 */
export const API_ENDPOINT_PATTERN = /^https:\/\/(r[0-9]+-)?api(.*)\.(dotmailer|dotdigital)\.com$/;

/**
 * Where region discovery asks: account-info answers on the European host for every account.
 *
 * @example
 * await fetch(`${DISCOVERY_URL}/v2/account-info`, { headers: { authorization } });
 */
export const DISCOVERY_URL = 'https://r1-api.dotdigital.com';

/**
 * The base URL in an account-info answer (`properties[].name === 'ApiEndpoint'`), without its
 * trailing slash, or `undefined` when it is missing or outside {@link API_ENDPOINT_PATTERN}.
 * It must also be a bare origin on a Dotdigital host: the documented pattern's `(.*)` alone
 * would let `https://api.evil.example/x.dotdigital.com` through, and credentials must never
 * follow such a value.
 *
 * @example
 * apiEndpointFrom({ properties: [{ name: 'ApiEndpoint', value: 'https://r2-api.dotdigital.com/' }] }); // 'https://r2-api.dotdigital.com'
 */
export function apiEndpointFrom(accountInfo: unknown): string | undefined {
  const value = rawApiEndpoint(accountInfo)?.trim().replace(/\/+$/, '');
  if (value === undefined || !API_ENDPOINT_PATTERN.test(value) || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  const bareOrigin = url.origin === value && url.username === '' && url.password === '' && url.port === '';
  return bareOrigin && /\.(dotmailer|dotdigital)\.com$/.test(url.hostname) ? value : undefined;
}

/** The `ApiEndpoint` property as Dotdigital wrote it, unchecked. */
export function rawApiEndpoint(accountInfo: unknown): string | undefined {
  const properties = (accountInfo as { properties?: unknown } | undefined)?.properties;
  if (!Array.isArray(properties)) return undefined;
  const property = properties.find((p: { name?: unknown }) => typeof p?.name === 'string' && p.name.toLowerCase() === 'apiendpoint') as { value?: unknown } | undefined;
  return typeof property?.value === 'string' ? property.value : undefined;
}
