import * as z from 'zod/mini';
import { emailSchema } from './email-schema.js';
import { FIELD_TYPES, fieldAnswer } from './field-types.js';
import type { FormDefinition, FormField } from './form-definition.js';
import { offeredPreferences } from './offered-preferences.js';
import type { SignupMessages } from './messages.js';
import { signupIssue, type SignupIssue } from './signup-issue.js';

/**
 * The values of one signup form, as react-hook-form holds them: each preference as
 * `preferences.p{id}` → ticked (a `p` so the id is a key, not an array index), each data
 * field by its Dotdigital name, and the honeypot.
 */
export interface SignupFormValues {
  email: string;
  preferences?: Record<string, boolean | undefined>;
  fields?: Record<string, string | boolean | undefined>;
  honeypot?: string;
}

/** A field of the form: `email`, `honeypot`, `preferences.p9`, `fields.FIRSTNAME`. */
export type SignupFieldName = 'email' | 'honeypot' | `preferences.p${number}` | `fields.${string}`;

function fieldSchema(field: FormField) {
  const rule = FIELD_TYPES[field.type];
  // A control that is not in the form (yet) holds `undefined`: empty, like a blank input. The
  // message comes from the error map (`signupIssue`), which knows the form's language.
  return z.custom<string | boolean | undefined>((raw) => {
    const answer = fieldAnswer(raw as string | boolean | undefined);
    return answer === undefined ? !field.required : rule.cast(answer) !== undefined;
  });
}

/**
 * The zod/mini schema of a form's values for one definition: the email rule is the very schema
 * object the proxy checks (`emailSchema`), data fields are judged by the field-type table the
 * proxy casts with, and a preference must be `true` or `false` — a control wired so that its
 * value cannot be read (a `<button>` checkbox given `register()`) fails loudly instead of being
 * sent as "not ticked".
 *
 * @example
 * useForm({ resolver: zodResolver(signupFormSchema(definition), { error }, { raw: true }) });
 */
export function signupFormSchema(definition: FormDefinition) {
  // In the order of the form, which is the order zod reports issues in.
  return z.object({
    email: emailSchema,
    fields: z.optional(z.object(Object.fromEntries(definition.fields.map((field) => [field.name, fieldSchema(field)])))),
    preferences: z.optional(z.object(Object.fromEntries(offeredPreferences(definition).map((p) => [`p${p.id}`, z.optional(z.boolean())])))),
    honeypot: z.optional(z.string()),
  });
}

/**
 * The error map that words the schema's issues in the form's language, for the resolver:
 * `zodResolver(signupFormSchema(definition), { error: signupErrorMap(definition, messages) })`,
 * so `formState.errors.email.message` is what the form shows.
 *
 * @example
 * signupFormSchema(definition).safeParse(values, { error: signupErrorMap(definition, englishMessages) });
 */
export function signupErrorMap(definition: FormDefinition, messages: SignupMessages) {
  return (issue: { path?: PropertyKey[] | undefined; input?: unknown }) => signupIssue(issue.path ?? [], issue.input, definition, messages).message;
}

// One schema per definition: a form checks its values on every submit, and the definition only
// changes when it is reloaded.
const schemas = new WeakMap<FormDefinition, ReturnType<typeof signupFormSchema>>();

/**
 * Runs {@link signupFormSchema} on a form's values, its issues worded by
 * {@link signupErrorMap}: what react-hook-form's resolver and {@link checkSignupValues} both call.
 *
 * @example
 * const result = parseSignupValues(values, definition, englishMessages);
 * if (!result.success) console.log(result.error.issues);
 */
export function parseSignupValues(values: SignupFormValues, definition: FormDefinition, messages: SignupMessages) {
  let schema = schemas.get(definition);
  if (!schema) schemas.set(definition, (schema = signupFormSchema(definition)));
  // No data-field controls yet means every data field is empty (and a required one missing).
  return schema.safeParse({ ...values, fields: values.fields ?? {} }, { error: signupErrorMap(definition, messages) });
}

/**
 * Checks a form's values with {@link signupFormSchema}: the issues in the order of the form
 * (email, data fields, preferences), one per control, each with the protocol's code.
 *
 * @example
 * checkSignupValues({ email: 'ann@', preferences: {}, fields: {} }, definition, englishMessages);
 * // [{ code: 'invalid_email', field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]
 */
export function checkSignupValues(values: SignupFormValues, definition: FormDefinition, messages: SignupMessages): SignupIssue[] {
  const result = parseSignupValues(values, definition, messages);
  if (result.success) return [];
  const issues = new Map<string | undefined, SignupIssue>(); // one per control: every preference is the fieldset's
  for (const { path } of result.error.issues) {
    const raw = path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], values);
    const issue = signupIssue(path, raw, definition, messages);
    if (!issues.has(issue.field)) issues.set(issue.field, issue);
  }
  return [...issues.values()];
}
