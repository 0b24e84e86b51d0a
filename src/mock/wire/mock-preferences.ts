import { allPreferences, type MockStore } from '../account/mock-store.js';
import { pick, pickArray } from './loose-json.js';
import { MockApiError } from './mock-api-error.js';

/**
 * Reads a preference tree as the write calls and `PUT …/preferences` send it —
 * `[{id, isPreference: true, isOptedIn}, {id, isPreference: false, preferences: […]}]` —
 * into the named preference ids and whether each is opted in. An id the account does not
 * have (as a preference, or as a category) fails with ERROR_PREFERENCE_NOT_FOUND.
 */
export function readPreferenceChoices(store: MockStore, items: unknown[]): Map<number, boolean> {
  const preferences = new Set(allPreferences(store.preferences).map((p) => p.id));
  const categories = new Set(store.preferences.filter((p) => !p.isPreference).map((p) => p.id));
  const choices = new Map<number, boolean>();
  const visit = (item: unknown): void => {
    const id = Number(pick(item, 'id'));
    const flag = pick(item, 'isPreference');
    // A missing isPreference on an item that nests preferences reads as a category.
    const isCategory = flag === false || (flag === undefined && Array.isArray(pick(item, 'preferences')));
    if (isCategory) {
      if (!categories.has(id)) throw new MockApiError(400, `Preference category ${pick(item, 'id')} was not found. ERROR_PREFERENCE_NOT_FOUND`);
      pickArray(item, 'preferences').forEach(visit);
      return;
    }
    if (!preferences.has(id)) throw new MockApiError(400, `Preference ${pick(item, 'id')} was not found. ERROR_PREFERENCE_NOT_FOUND`);
    choices.set(id, pick(item, 'isOptedIn') === true);
  };
  items.forEach(visit);
  return choices;
}

/** The opted-in ids when every preference not named is opted out (the with-consent-and-preferences rule). */
export function optedInOnly(choices: Map<number, boolean>): Set<number> {
  const optedIn = new Set<number>();
  for (const [id, value] of choices) if (value) optedIn.add(id);
  return optedIn;
}
