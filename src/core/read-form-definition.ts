import type { FormDefinition, FormField, FormPreference, FormPreferenceCategory } from './form-definition.js';

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const FIELD_TYPES: ReadonlySet<unknown> = new Set(['String', 'Numeric', 'Date', 'Boolean']);

function readPreference(value: unknown): FormPreference | undefined {
  if (!isObject(value) || typeof value.id !== 'number' || typeof value.label !== 'string') return undefined;
  return { id: value.id, label: value.label };
}

function readItem(value: unknown): FormPreference | FormPreferenceCategory | undefined {
  const preference = readPreference(value);
  if (!preference) return undefined;
  const children = (value as Loose).preferences;
  if (!Array.isArray(children)) return preference;
  const read = children.map(readPreference);
  // Like the schema's union: a category with a bad child is read as a plain preference.
  return read.every(Boolean) ? { ...preference, preferences: read as FormPreference[] } : preference;
}

function readField(value: unknown): FormField | undefined {
  if (!isObject(value) || typeof value.name !== 'string' || typeof value.label !== 'string') return undefined;
  if (!FIELD_TYPES.has(value.type) || typeof value.required !== 'boolean') return undefined;
  return { name: value.name, label: value.label, type: value.type as FormField['type'], required: value.required };
}

/**
 * Reads `GET {endpoint}`'s answer as a {@link FormDefinition}, keeping only known properties,
 * or `undefined` when it is not one. The browser's twin of `formDefinitionSchema` (a test
 * holds them to the same verdicts) without zod's 8 KB in the widget's bundle.
 *
 * @example
 * const definition = readFormDefinition(await response.json());
 * if (!definition) throw new Error('not a form definition');
 */
export function readFormDefinition(body: unknown): FormDefinition | undefined {
  if (!isObject(body) || !Array.isArray(body.preferences) || !Array.isArray(body.fields) || typeof body.doubleOptIn !== 'boolean') return undefined;
  const { consent } = body;
  if (!isObject(consent) || typeof consent.text !== 'string' || typeof consent.version !== 'string' || !consent.text || !consent.version) return undefined;
  const preferences = body.preferences.map(readItem);
  const fields = body.fields.map(readField);
  if (!preferences.every(Boolean) || !fields.every(Boolean)) return undefined;
  return {
    preferences: preferences as FormDefinition['preferences'],
    consent: { text: consent.text, version: consent.version },
    fields: fields as FormField[],
    doubleOptIn: body.doubleOptIn,
  };
}

/**
 * The preferences of a definition in order, categories opened up.
 *
 * @example
 * offeredPreferences(definition).map((p) => p.id); // [2, 3, 5]
 */
export function offeredPreferences(definition: FormDefinition): FormPreference[] {
  return definition.preferences.flatMap((item) => ('preferences' in item ? item.preferences : [item]));
}
