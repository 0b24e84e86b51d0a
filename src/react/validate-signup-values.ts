import { signupRequestSchema, type FormDefinition, type SignupMessages } from '../core/index.js';
import type { SignupIssue } from './signup-issue.js';

/** The values react-hook-form holds: preferences as `p{id}` → ticked, data fields by name. */
export interface SignupFormValues {
  email: string;
  preferences: Record<string, boolean>;
  fields: Record<string, string | boolean>;
  honeypot: string;
}

// The proxy's own email rule, so the browser never accepts what the server refuses.
const emailSchema = signupRequestSchema.shape.email;

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
  else if (!emailSchema.safeParse(email).success) issues.push({ code: 'invalid_email', field: 'email', message: messages.errors.invalid_email });
  for (const field of definition.fields) {
    const raw = values.fields?.[field.name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const empty = field.type === 'Boolean' ? raw !== true : text === '';
    const name = `fields.${field.name}`;
    if (field.required && empty) {
      const message = field.type === 'Boolean' ? messages.fieldConfirm(field.label) : messages.fieldRequired(field.label);
      issues.push({ code: 'missing_field', field: name, message });
    }
    else if (field.type === 'Numeric' && text !== '' && !Number.isFinite(Number(text))) {
      issues.push({ code: 'invalid_field', field: name, message: messages.fieldNumber(field.label) });
    }
  }
  return issues;
}
