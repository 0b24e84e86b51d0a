import * as z from 'zod/mini';

/** A marketing preference the visitor can tick. */
export interface FormPreference {
  id: number;
  label: string;
}

/** A preference category: shown as a fieldset whose legend is `label`. */
export interface FormPreferenceCategory {
  id: number;
  label: string;
  preferences: FormPreference[];
}

/** Dotdigital's data-field types. */
export type FormFieldType = 'String' | 'Numeric' | 'Date' | 'Boolean';

/** A contact data field the proxy allows the form to send. */
export interface FormField {
  name: string;
  label: string;
  type: FormFieldType;
  required: boolean;
}

/**
 * What `GET {endpoint}` answers: everything the widget needs to render the form.
 *
 * @example
 * const definition: FormDefinition = {
 *   preferences: [{ id: 21, label: 'Football' }],
 *   consent: { text: 'Yes, send me the newsletter.', version: 'a1b2c3' },
 *   fields: [],
 *   doubleOptIn: false,
 * };
 */
export interface FormDefinition {
  preferences: Array<FormPreference | FormPreferenceCategory>;
  consent: { text: string; version: string };
  fields: FormField[];
  doubleOptIn: boolean;
}

const preferenceSchema = z.object({ id: z.number(), label: z.string() });
const categorySchema = z.object({ id: z.number(), label: z.string(), preferences: z.array(preferenceSchema) });

/**
 * Schema of {@link FormDefinition}; the widget checks the proxy's answer with it so a
 * misconfigured proxy fails with a clear message instead of a broken form.
 *
 * @example
 * const result = formDefinitionSchema.safeParse(await response.json());
 */
export const formDefinitionSchema = z.object({
  preferences: z.array(z.union([categorySchema, preferenceSchema])),
  consent: z.object({ text: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)) }),
  fields: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.enum(['String', 'Numeric', 'Date', 'Boolean']),
      required: z.boolean(),
    }),
  ),
  doubleOptIn: z.boolean(),
});

/**
 * True when an item of `definition.preferences` is a category (it has its own list).
 *
 * @example
 * definition.preferences.filter(isPreferenceCategory).map((c) => c.label);
 */
export function isPreferenceCategory(item: FormPreference | FormPreferenceCategory): item is FormPreferenceCategory {
  return Array.isArray((item as FormPreferenceCategory).preferences);
}
