/**
 * A URL as it may be printed: its password replaced by `****`, whatever shape it has. A URL
 * that parses keeps its scheme, user, host, port and path; one that does not (a mistyped
 * `redis:/:pw@host`, a bare `:pw@host`) has everything between its scheme and its last `@`
 * masked, so no typo can put a password into a log line or an error. A `password=` query
 * value is masked too.
 *
 * @example
 * maskUrl('rediss://:hunter2@cache.internal:6380/0'); // 'rediss://:****@cache.internal:6380/0'
 * maskUrl('redis:/:hunter2@cache.internal');          // 'redis:/****@cache.internal'
 */
export function maskUrl(text: string): string {
  const masked = text.replace(/([?&]password=)[^&#]*/gi, '$1****');
  if (URL.canParse(masked) && /^[a-z][a-z0-9+.-]*:\/\//i.test(masked)) {
    const url = new URL(masked);
    if (url.password !== '') url.password = '****';
    // A user name alone may be a password (`redis://hunter2@host` is read as one by some clients).
    else if (url.username !== '' && masked.includes('@')) url.username = '****';
    return url.href.replace(/\/$/, masked.endsWith('/') ? '/' : '');
  }
  // Not a URL the parser takes: mask from after the scheme (if any) to the last `@`.
  return masked.replace(/^([a-z][a-z0-9+.-]*:\/*)?.*@/i, (_, scheme: string | undefined) => `${scheme ?? ''}****@`);
}
