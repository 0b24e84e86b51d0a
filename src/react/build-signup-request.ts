import type { FormDefinition } from '../core/form-definition.js';
import { offeredPreferences } from '../core/read-form-definition.js';
import type { FieldValue, SignupRequest } from '../core/signup-request.js';
import type { SignupFormValues } from './use-signup-fields.js';

/**
 * The `POST {endpoint}` body for valid values: only preferences the current definition
 * offers (a refreshed definition may have dropped one), data fields in their Dotdigital
 * type, and the consent record the visitor saw, stamped now on this page.
 *
 * @example
 * buildSignupRequest(values, definition, { pageUrl: location.href, now: new Date() });
 */
export function buildSignupRequest(values: SignupFormValues, definition: FormDefinition, at: { pageUrl: string; now: Date }): SignupRequest {
  const offered = offeredPreferences(definition);
  const fields: Record<string, FieldValue> = {};
  for (const field of definition.fields) {
    const raw = values.fields?.[field.name];
    if (field.type === 'Boolean') {
      if (raw === true) fields[field.name] = true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text !== '') fields[field.name] = field.type === 'Numeric' ? Number(text) : text;
  }
  const request: SignupRequest = {
    email: values.email.trim(),
    preferences: offered.filter((p) => values.preferences?.[`p${p.id}`] === true).map((p) => p.id),
    fields,
    consent: { ...definition.consent, consentedAt: at.now.toISOString(), pageUrl: at.pageUrl },
  };
  if (values.honeypot) request.honeypot = values.honeypot;
  return request;
}
