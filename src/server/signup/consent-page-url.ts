/** The longest page URL recorded, as the request schema allows. */
const MAX_PAGE_URL_LENGTH = 2048;

/**
 * The page URL to record in a consent record, written the way a browser's `location.href`
 * reads: the WHATWG parse of what was sent, without userinfo. The record is legal evidence,
 * so a forged URL must not carry a password, a misleading `evil.example%40@` prefix, raw
 * control or bidi-override characters, or `\` that a reader takes for something else; a
 * real browser's URL comes through unchanged. `undefined` when the result is no longer
 * an http(s) URL of at most 2048 characters.
 *
 * @example
 * consentPageUrl('https://user:pw@WWW.Example.com:443/a'); // 'https://www.example.com/a'
 */
export function consentPageUrl(sent: string): URL | undefined {
  if (!URL.canParse(sent)) return undefined;
  const url = new URL(sent);
  url.username = '';
  url.password = '';
  if (!/^https?:$/.test(url.protocol) || url.href.length > MAX_PAGE_URL_LENGTH) return undefined;
  return url;
}
