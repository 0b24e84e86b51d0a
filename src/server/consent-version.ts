import { shortHash } from './definition-cache.js';

/**
 * The version of a consent text: the first 16 hex digits of its SHA-256. The widget
 * echoes it back, so the proxy can tell the visitor saw exactly the configured text.
 *
 * @example
 * await consentVersion('Yes, send me the newsletter.'); // '9f1c…'
 */
export function consentVersion(text: string): Promise<string> {
  return shortHash(text);
}
