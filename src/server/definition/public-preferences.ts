import type { FormPreference, FormPreferenceCategory } from '../../core/index.js';
import type { DotdigitalPreference } from '../dotdigital/dotdigital-client.js';

const byOrder = (a: DotdigitalPreference, b: DotdigitalPreference) => Number(a.order ?? 0) - Number(b.order ?? 0);

/**
 * Turns Dotdigital's preference tree into what the widget shows: public preferences
 * only, in Dotdigital's order, categories left without public preferences dropped.
 *
 * @example
 * publicPreferences(await client.getPreferences()); // [{ id: 1, label: 'Newsletters', preferences: [...] }, ...]
 */
export function publicPreferences(tree: DotdigitalPreference[]): Array<FormPreference | FormPreferenceCategory> {
  const out: Array<FormPreference | FormPreferenceCategory> = [];
  for (const item of [...tree].sort(byOrder)) {
    if (!item.isPublic) continue;
    if (item.isPreference) {
      out.push({ id: item.id, label: item.publicName });
      continue;
    }
    const children = [...(item.preferences ?? [])]
      .sort(byOrder)
      .filter((child) => child.isPreference && child.isPublic)
      .map((child) => ({ id: child.id, label: child.publicName }));
    if (children.length > 0) out.push({ id: item.id, label: item.publicName, preferences: children });
  }
  return out;
}
