import type { FieldErrors, Resolver } from 'react-hook-form';
import type { FormDefinition } from '../core/form-definition.js';
import type { SignupMessages } from '../core/messages.js';
import { parseSignupValues, type SignupFormValues } from '../core/signup-form-schema.js';

/**
 * react-hook-form's resolver for the signup form: the form's zod/mini schema (the proxy's own
 * email schema and field-type table) with its issues worded in the form's language. Written
 * here rather than taken from @hookform/resolvers: its zodResolver takes zod/mini schemas too,
 * but carries zod 3 support, union flattening and native-validation code this form never uses,
 * 1 KB gzip the script tag's budget has no room for; these lines call the same schema object.
 *
 * @example
 * useForm({ resolver: signupResolver(() => ({ definition, messages })) });
 */
export function signupResolver(current: () => { definition: FormDefinition | undefined; messages: SignupMessages }): Resolver<SignupFormValues> {
  return (values) => {
    const { definition, messages } = current();
    if (!definition) return { values, errors: {} };
    const result = parseSignupValues(values, definition, messages);
    if (result.success) return { values, errors: {} }; // the values as the controls hold them: the controller builds the request
    const errors: Record<string, unknown> = {};
    for (const { path, code, message } of result.error.issues) {
      let node = errors;
      for (const key of path.slice(0, -1).map(String)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[String(path.at(-1))] ??= { type: code, message };
    }
    return { values: {}, errors: errors as FieldErrors<SignupFormValues> };
  };
}
