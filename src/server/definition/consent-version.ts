/**
 * The version of a consent text: the first 16 hex digits of its SHA-256. The widget
 * echoes it back, so the proxy can tell the visitor saw exactly the configured text.
 *
 * @example
 * await consentVersion('Yes, send me the newsletter.'); // '9f1c…'
 */
export async function consentVersion(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].slice(0, 8).map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
