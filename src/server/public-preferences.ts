import { isPreferenceCategory, type FormDefinition, type FormPreference, type FormPreferenceCategory } from '../core/index.js';
import type { DotdigitalPreference } from './dotdigital/dotdigital-client.js';

const byOrder = (a: DotdigitalPreference, b: DotdigitalPreference) => Number(a.order ?? 0) - Number(b.order ?? 0);

/**
 * Turns Dotdigital's preference tree into what the widget shows: public preferences
 * only, in Dotdigital's order, categories left without public preferences dropped. With
 * `show`, only the listed preferences are kept (a category's id keeps all its public ones).
 *
 * @example
 * publicPreferences(await client.getPreferences()); // [{ id: 1, label: 'Newsletters', preferences: [...] }, ...]
 * publicPreferences(tree, new Set([21]));             // [{ id: 21, label: 'Football' }]
 */
export function publicPreferences(tree: DotdigitalPreference[], show?: ReadonlySet<number>): Array<FormPreference | FormPreferenceCategory> {
  const out: Array<FormPreference | FormPreferenceCategory> = [];
  for (const item of [...tree].sort(byOrder)) {
    if (!item.isPublic) continue;
    if (item.isPreference) {
      if (!show || show.has(item.id)) out.push({ id: item.id, label: item.publicName });
      continue;
    }
    const children = [...(item.preferences ?? [])]
      .sort(byOrder)
      .filter((child) => child.isPreference && child.isPublic && (!show || show.has(item.id) || show.has(child.id)))
      .map((child) => ({ id: child.id, label: child.publicName }));
    if (children.length > 0) out.push({ id: item.id, label: item.publicName, preferences: children });
  }
  return out;
}

/**
 * Every preference id the definition offers (categories are not tickable).
 *
 * @example
 * offeredPreferenceIds(definition).has(9);
 */
export function offeredPreferenceIds(definition: Pick<FormDefinition, 'preferences'>): Set<number> {
  return new Set(definition.preferences.flatMap((item) => (isPreferenceCategory(item) ? item.preferences.map((p) => p.id) : [item.id])));
}

/**
 * Every preference (not category) id in a Dotdigital tree, with its `isOptedIn`.
 *
 * @example
 * flattenPreferences(await client.getContactPreferences(email)).get(9); // true
 */
export function flattenPreferences(tree: readonly DotdigitalPreference[]): Map<number, boolean> {
  const out = new Map<number, boolean>();
  for (const item of tree) {
    if (item.isPreference) out.set(item.id, item.isOptedIn === true);
    else for (const child of item.preferences ?? []) if (child.isPreference) out.set(child.id, child.isOptedIn === true);
  }
  return out;
}
