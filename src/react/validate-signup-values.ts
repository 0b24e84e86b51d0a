import { regexes } from 'zod/mini';
import type { FormDefinition } from '../core/form-definition.js';
import { MAX_EMAIL_LENGTH } from '../core/max-email-length.js';
import type { SignupMessages } from '../core/messages.js';
import { fieldIssueMessage, type SignupIssue } from './signup-issue.js';
import type { SignupFormValues } from './use-signup-fields.js';

// The proxy's email rule (`z.email()` in signupRequestSchema, at most MAX_EMAIL_LENGTH
// characters) with zod's own regular expression, without zod's schema machinery in the
// bundle. A test holds the two to the same verdicts.
const isEmail = (value: string) => value.length <= MAX_EMAIL_LENGTH && regexes.email.test(value);

/**
 * Checks the values before anything is sent; the issues come in the order of the form.
 *
 * @example
 * validateSignupValues({ email: 'ann@', preferences: {}, fields: {}, honeypot: '' }, definition, englishMessages);
 * // [{ code: 'invalid_email', field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]
 */
export function validateSignupValues(values: SignupFormValues, definition: FormDefinition, messages: SignupMessages): SignupIssue[] {
  const issues: SignupIssue[] = [];
  const email = (values.email ?? '').trim();
  if (email === '') issues.push({ code: 'missing_email', field: 'email', message: messages.errors.missing_email });
  else if (!isEmail(email)) issues.push({ code: 'invalid_email', field: 'email', message: messages.errors.invalid_email });
  for (const field of definition.fields) {
    const raw = values.fields?.[field.name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const empty = field.type === 'Boolean' ? raw !== true : text === '';
    const code = field.required && empty ? 'missing_field' : field.type === 'Numeric' && text !== '' && !Number.isFinite(Number(text)) ? 'invalid_field' : undefined;
    if (code) issues.push({ code, field: `fields.${field.name}`, message: fieldIssueMessage(code, field, messages) });
  }
  return issues;
}
