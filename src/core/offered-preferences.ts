import type { FormDefinition, FormPreference, FormPreferenceCategory } from './form-definition.js';

// Apart from form-definition.ts, which builds zod schemas: the submit chunk reads these too
// (build-signup-request.ts), and the script tag's submit file must not carry zod.

/**
 * True when an item of `definition.preferences` is a category (it has its own list).
 *
 * @example
 * definition.preferences.filter(isPreferenceCategory).map((c) => c.label);
 */
export function isPreferenceCategory(item: FormPreference | FormPreferenceCategory): item is FormPreferenceCategory {
  return Array.isArray((item as FormPreferenceCategory).preferences);
}

/**
 * The preferences of a definition in order, categories opened up.
 *
 * @example
 * offeredPreferences(definition).map((p) => p.id); // [2, 3, 5]
 */
export function offeredPreferences(definition: FormDefinition): FormPreference[] {
  return definition.preferences.flatMap((item) => (isPreferenceCategory(item) ? item.preferences : [item]));
}
