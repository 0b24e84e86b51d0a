import type { FormDefinition } from '../core/form-definition.js';
import type { SignupMessages } from '../core/messages.js';
import { signupErrorMap, signupFormSchema } from '../core/signup-form-schema.js';

// One schema per definition: a form re-validates on every submit, and the definition only
// changes when it is reloaded.
const schemas = new WeakMap<FormDefinition, ReturnType<typeof signupFormSchema>>();

/**
 * The arguments of `zodResolver` for one definition: the form's zod/mini schema and the
 * error map that words its issues in the form's language.
 *
 * @example
 * useForm({ resolver: zodResolver(...signupResolver(definition, messages), { raw: true }) });
 */
export function signupResolver(definition: FormDefinition, messages: SignupMessages) {
  let schema = schemas.get(definition);
  if (!schema) schemas.set(definition, (schema = signupFormSchema(definition)));
  return [schema, { error: signupErrorMap(definition, messages) }] as const;
}
