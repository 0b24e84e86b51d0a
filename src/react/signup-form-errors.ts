import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import type { SignupErrorCode } from '../core/error-codes.js';
import type { FormDefinition } from '../core/form-definition.js';
import type { SignupFormValues } from '../core/signup-form-schema.js';
import type { SignupIssue } from '../core/signup-issue.js';

// react-hook-form's `formState.errors` is where every problem of a signup lives: the resolver's
// (the built-in rules and the site's own), and the proxy's answer, set with setError(). An
// error's `type` is the protocol's code. Problems with a value sit on its field (`email`,
// `fields.NAME`, `preferences` for the whole fieldset); the rest on `root.server`, the proxy's
// form-level answer (a consent statement that changed is one: it is no value of the form).
// The form's issues (summary, inline errors) are read back from there, in form order.

/** Where an issue goes in react-hook-form's errors. */
type ErrorName = 'email' | `fields.${string}` | 'preferences' | 'root.server';

function errorName(issue: SignupIssue): ErrorName {
  const { field } = issue;
  return field === 'email' || field === 'preferences' || field?.startsWith('fields.') ? (field as ErrorName) : 'root.server';
}

/**
 * Issues as react-hook-form errors (what a resolver returns, or `useForm({ errors })` takes): the
 * first issue of each field, `type` its code.
 *
 * @example
 * fieldErrorsOf([{ code: 'missing_email', field: 'email', message: 'Enter your email address' }]);
 * // { email: { type: 'missing_email', message: 'Enter your email address' } }
 */
export function fieldErrorsOf(issues: SignupIssue[]): FieldErrors<SignupFormValues> {
  const errors: Record<string, Record<string, unknown>> = {};
  for (const issue of issues) {
    const [head, name] = errorName(issue).split('.') as [string, string | undefined];
    const error = { type: issue.code, message: issue.message };
    if (name === undefined) errors[head] ??= error;
    else (errors[head] ??= {})[name] ??= error;
  }
  return errors as FieldErrors<SignupFormValues>;
}

/**
 * Sets each issue (the proxy's answer) as react-hook-form errors, after clearing the last ones.
 *
 * @example
 * setIssues(form, issuesFromError(error, definition, messages));
 */
export function setIssues(form: UseFormReturn<SignupFormValues>, issues: SignupIssue[]): void {
  form.clearErrors();
  for (const issue of issues) form.setError(errorName(issue), { type: issue.code, message: issue.message });
}

/**
 * The form's issues read from react-hook-form's errors, in form order: email, data fields,
 * preferences, the consent statement, then the form as a whole.
 *
 * @example
 * issuesOf(form.formState.errors, definition); // [{ code: 'missing_email', field: 'email', message: '…' }]
 */
export function issuesOf(errors: FieldErrors<SignupFormValues>, definition: FormDefinition | undefined): SignupIssue[] {
  const issues: SignupIssue[] = [];
  const add = (error: unknown, field: string | undefined) => {
    const { type, message } = (error ?? {}) as { type?: unknown; message?: unknown };
    if (typeof message === 'string' && message) issues.push({ code: type as SignupErrorCode, field, message });
  };
  add(errors.email, 'email');
  for (const { name } of definition?.fields ?? []) add(errors.fields?.[name], `fields.${name}`);
  // The fieldset's own error, or the first of its boxes' (a value that is not true or false).
  const preferences = (errors.preferences ?? {}) as Record<string, unknown>;
  add(preferences.message ? preferences : Object.values(preferences).find((error) => (error as { message?: unknown })?.message), 'preferences');
  const server = errors.root?.server;
  if (server?.type === 'consent_mismatch') add(server, 'consent');
  add(errors.root, undefined); // a rule of the site's own on the form as a whole
  if (server?.type !== 'consent_mismatch') add(server, undefined);
  return issues;
}
