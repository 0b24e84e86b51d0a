import type { ContactWithConsentBody, DotdigitalPreference } from './dotdigital/dotdigital-client.js';
import { flattenPreferences } from './public-preferences.js';

type PreferenceWrite = ContactWithConsentBody['preferences'];

/**
 * The `preferences` of the contact write. Dotdigital opts a contact out of every preference
 * the write does not name, so: a shown preference is in when ticked and out when not; a
 * preference the visitor never saw keeps the contact's current value (read just before);
 * for a new contact (`current` undefined) unseen preferences are left out, which is "out".
 *
 * @example
 * preferenceWrite(accountTree, new Set([2, 3]), new Set([2]), await client.getContactPreferences(email));
 */
export function preferenceWrite(
  accountTree: readonly DotdigitalPreference[],
  offered: ReadonlySet<number>,
  ticked: ReadonlySet<number>,
  current: readonly DotdigitalPreference[] | undefined,
): PreferenceWrite {
  // The contact's own tree is the freshest shape (a preference added since the account tree
  // was cached is in it); a new contact has none, so the cached account tree is used.
  const shape = current ?? accountTree;
  const held = current ? flattenPreferences(current) : new Map<number, boolean>();
  const decide = (id: number): boolean | undefined => (offered.has(id) ? ticked.has(id) : held.get(id));
  const out: PreferenceWrite = [];
  for (const item of shape) {
    if (item.isPreference) {
      const isOptedIn = decide(item.id);
      if (isOptedIn !== undefined) out.push({ id: item.id, isPreference: true, isOptedIn });
      continue;
    }
    const children = (item.preferences ?? []).flatMap((child) => {
      const isOptedIn = child.isPreference ? decide(child.id) : undefined;
      return isOptedIn === undefined ? [] : [{ id: child.id, isPreference: true as const, isOptedIn }];
    });
    if (children.length > 0) out.push({ id: item.id, isPreference: false, preferences: children });
  }
  return out;
}

/**
 * True when some preference in the account is not on the form, so an existing contact's
 * current preferences must be read before writing (else they would be opted out).
 *
 * @example
 * if (hasUnshownPreferences(accountTree, offered)) current = await client.getContactPreferences(email);
 */
export function hasUnshownPreferences(accountTree: readonly DotdigitalPreference[], offered: ReadonlySet<number>): boolean {
  return [...flattenPreferences(accountTree).keys()].some((id) => !offered.has(id));
}
