import * as z from 'zod/mini';
import { FORM_FIELD_TYPES, type FormFieldType } from './field-types.js';

export type { FormFieldType };

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
 *   locale: 'en',
 * };
 */
export interface FormDefinition {
  preferences: Array<FormPreference | FormPreferenceCategory>;
  consent: { text: string; version: string };
  fields: FormField[];
  doubleOptIn: boolean;
  /**
   * The language of the consent statement and the labels (a BCP 47 tag): the proxy's locale for
   * the form's (`?locale=de-AT` may get `de`, or the default locale when it has none in that
   * language). Absent from proxies older than per-locale consent.
   */
  locale?: string;
  /**
   * The proxy's human check; absent when it is off. Not in the schema: the client reads it from
   * the answer itself (an unknown kind asks nothing of it), which keeps the script tag lighter.
   */
  humanCheck?: HumanCheckInfo;
}

/**
 * What the form must do before a signup is taken: solve the proxy's proof of work
 * (`GET {endpoint}?challenge`), or run a vendor's check with the site key given.
 *
 * @example
 * const check: HumanCheckInfo = { kind: 'turnstile', siteKey: '0x4AAAAAAA…' };
 */
export type HumanCheckInfo = { kind: 'proof-of-work' } | { kind: 'turnstile' | 'hcaptcha' | 'recaptcha'; siteKey: string };

// Preference ids are positive whole numbers: a signup sends them back, and the request schema
// (signup-request.ts) takes nothing else, so a definition offering 0 could never be signed up
// for. z.custom keeps zod's number class out of the script tag.
const preferenceId = z.custom<number>((id) => Number.isSafeInteger(id) && (id as number) > 0);
const preferenceSchema = z.object({ id: preferenceId, label: z.string() });
const itemSchema = z.object({ id: preferenceId, label: z.string(), preferences: z.optional(z.array(preferenceSchema)) });

/**
 * Schema of {@link FormDefinition}; the widget checks the proxy's answer with it so a
 * misconfigured proxy fails with a clear message instead of a broken form.
 *
 * @example
 * const result = formDefinitionSchema.safeParse(await response.json());
 */
export const formDefinitionSchema = z.object({
  // One shape with optional children rather than a union of two: the same answers for what a
  // proxy sends, 0.3 KB gzip less in the script tag (whose budget is tight).
  preferences: z.array(itemSchema),
  consent: z.object({ text: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)) }),
  fields: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.custom<FormFieldType>((value) => (FORM_FIELD_TYPES as unknown[]).includes(value)), // a row of the field-type table
      required: z.boolean(),
    }),
  ),
  doubleOptIn: z.boolean(),
  locale: z.optional(z.string()),
});


/**
 * Reads `GET {endpoint}`'s answer as a {@link FormDefinition} with {@link formDefinitionSchema}
 * (unknown properties dropped), or `undefined` when it is not one.
 *
 * @example
 * const definition = readFormDefinition(await response.json());
 * if (!definition) throw new Error('not a form definition');
 */
export function readFormDefinition(body: unknown): FormDefinition | undefined {
  const result = formDefinitionSchema.safeParse(body);
  return result.success ? result.data : undefined;
}
