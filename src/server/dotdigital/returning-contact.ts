import type { ContactWrite } from './build-contact-body.js';
import { dotdigitalLocale } from './dotdigital-locale.js';
import type { ResubscribeOptions } from './dotdigital-types.js';

// The one place that decides how a contact who left comes back. The live signup, queue delivery
// (both through submitSignup → resubscribeContact) and bulk delivery (v3 import entries) read it.

/**
 * v3 email statuses (lower-cased) the resubscribe flow can bring back: `unsubscribed`; `pendingOptIn`,
 * a challenge still waiting (asking again is Dotdigital's to limit, not ours to guess); `subscribed`,
 * someone who confirmed in the meantime. Anything else (suppressed, hardBounced, ispComplained, a
 * status this code has never met, or no contact at all) is left untouched.
 */
const CAN_COME_BACK = new Set(['unsubscribed', 'pendingoptin', 'subscribed']);

/** How a returning contact's resubscribe ended. */
export type ResubscribeResult = 'challenged' | 'added' | 'cannot_come_back';

/**
 * What to do with a contact the v2 write refused as unsubscribed or suppressed, from its v3
 * email status (`undefined`: Dotdigital has no such contact although it refused the write).
 *
 * @example
 * resubscribeStep('unsubscribed'); // 'resubscribe'
 * resubscribeStep('hardBounced'); // 'cannot_come_back'
 */
export function resubscribeStep(status: string | undefined): 'resubscribe' | 'cannot_come_back' {
  return status !== undefined && CAN_COME_BACK.has(status.toLowerCase()) ? 'resubscribe' : 'cannot_come_back';
}

/**
 * The v3 `resubscribeOptions` of a signup: always with a challenge (a confirmation email), so a
 * stranger typing someone's address can never put them back on the list; the link leads back to
 * the page they signed up on, and the email is asked for in the visitor's language
 * (`preferredLocale`, Dotdigital's spelling of it; none for a language Dotdigital lacks). v3
 * ignores them for a contact who never left, so every v3 write of a signup (PATCH or import
 * entry) can carry them.
 *
 * @example
 * resubscribeOptionsFor({ pageUrl: 'https://www.example.com/newsletter', locale: 'de' });
 * // { resubscribeWithNoChallenge: false, preferredLocale: 'de-DE', redirectUrlAfterChallenge: 'https://www.example.com/newsletter' }
 */
export function resubscribeOptionsFor(write: Pick<ContactWrite, 'pageUrl' | 'locale'>): ResubscribeOptions {
  const preferredLocale = dotdigitalLocale(write.locale);
  return { resubscribeWithNoChallenge: false, ...(preferredLocale ? { preferredLocale } : {}), redirectUrlAfterChallenge: write.pageUrl };
}

/**
 * How a resubscribe ended, from the contact's v3 email status after the write: `pendingOptIn`
 * — challenged (an email, or none when Dotdigital's attempt limit is reached: it says the same);
 * `subscribed` — back at once; anything else — it cannot come back.
 *
 * @example
 * resubscribeResult('pendingOptIn'); // 'challenged'
 */
export function resubscribeResult(status: string): ResubscribeResult {
  const lower = status.toLowerCase();
  return lower === 'pendingoptin' ? 'challenged' : lower === 'subscribed' ? 'added' : 'cannot_come_back';
}
