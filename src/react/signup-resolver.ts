import type { FieldErrors, Resolver } from 'react-hook-form';
import type { FormDefinition } from '../core/form-definition.js';
import type { SignupMessages } from '../core/messages.js';
import { checkSignupValues, type SignupFormValues } from '../core/signup-form-schema.js';
import type { SignupIssue } from '../core/signup-issue.js';
import { fieldErrorsOf } from './signup-form-errors.js';

/**
 * A schema of the site's own rules on the form's values (`email`, `fields.NAME`, `preferences.p{id}`):
 * a zod schema, or any other [Standard Schema](https://standardschema.dev) (Valibot, ArkType…).
 */
export interface SignupSchema {
  readonly '~standard': {
    readonly validate: (value: unknown) => SignupSchemaResult | Promise<SignupSchemaResult>;
  };
}

/** What a {@link SignupSchema} answers: no `issues` when the values pass. */
export interface SignupSchemaResult {
  readonly issues?: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined }> | undefined;
}

/** What the resolver checks with: read when it runs, so they are the current ones. */
export interface SignupResolverContext {
  definition: FormDefinition | undefined;
  messages: SignupMessages;
  schema: SignupSchema | undefined;
}

/**
 * react-hook-form's resolver for the signup form, the one check of a submit: the built-in rules
 * (the proxy's own email schema and field-type table, worded in the form's language), then the
 * site's `schema` on each field the built-in ones passed. Written here rather than taken from
 * @hookform/resolvers: the built-in
 * rules are core's `checkSignupValues` (the protocol's codes, one issue per control, form order),
 * and a Standard Schema needs no adapter.
 *
 * @example
 * useForm({ resolver: signupResolver(() => ({ definition, messages, schema })) });
 */
export function signupResolver(context: () => SignupResolverContext): Resolver<SignupFormValues> {
  return async (values) => {
    const { definition, messages, schema } = context();
    if (!definition) return { values, errors: {} };
    const issues = checkSignupValues(values, definition, messages);
    let formLevel: string | undefined;
    for (const { message, path = [] } of (schema && (await schema['~standard'].validate(values)).issues) ?? []) {
      const issue = ownIssue(path.map((part) => (typeof part === 'object' ? part.key : part)), message, definition);
      if (!issue) formLevel ??= message;
      else if (!issues.some((other) => other.field === issue.field)) issues.push(issue); // the built-in verdict first
    }
    if (issues.length === 0 && formLevel === undefined) return { values, errors: {} }; // as the controls hold them: the controller builds the request
    const errors = fieldErrorsOf(issues);
    return { values: {}, errors: formLevel === undefined ? errors : ({ ...errors, root: { type: 'invalid_request', message: formLevel } } as FieldErrors<SignupFormValues>) };
  };
}

// A rule of the site's own, tied to the control it names; `undefined` for a rule on the form as a whole.
function ownIssue(path: PropertyKey[], message: string, definition: FormDefinition): SignupIssue | undefined {
  const [head, name] = path.map(String);
  if (head === 'email') return { code: 'invalid_email', field: 'email', message };
  if (head === 'fields' && definition.fields.some((field) => field.name === name)) return { code: 'invalid_field', field: `fields.${name}`, message };
  if (head === 'preferences') return { code: 'invalid_request', field: 'preferences', message };
  return undefined;
}
