import { FIELD_TYPES, fieldAnswer, type FieldValue } from './field-types.js';
import type { FormDefinition } from './form-definition.js';
import { offeredPreferences } from './offered-preferences.js';
import type { SignupFormValues } from './signup-form-schema.js';
import type { SignupRequest } from './signup-request.js';

/**
 * The `POST {endpoint}` body for valid values: only preferences the current definition
 * offers (a refreshed definition may have dropped one), data fields cast by the field-type
 * table (empty ones left out), and the consent record the visitor saw, stamped now on this
 * page, with the form's language (`locale`, when it has one) for the emails Dotdigital sends.
 *
 * @example
 * buildSignupRequest(values, definition, { pageUrl: location.href, now: new Date(), locale: 'de' });
 */
export function buildSignupRequest(values: SignupFormValues, definition: FormDefinition, at: { pageUrl: string; now: Date; locale?: string | undefined }): SignupRequest {
  const fields: Record<string, FieldValue> = {};
  for (const field of definition.fields) {
    const answer = fieldAnswer(values.fields?.[field.name]);
    const value = answer === undefined ? undefined : FIELD_TYPES[field.type].cast(answer);
    if (value !== undefined) fields[field.name] = value;
  }
  const request: SignupRequest = {
    email: values.email.trim(),
    preferences: offeredPreferences(definition).filter((p) => values.preferences?.[`p${p.id}`] === true).map((p) => p.id),
    fields,
    // `locale: undefined` is left out of the JSON sent (fewer bytes in the script tag than a conditional key).
    consent: { ...definition.consent, consentedAt: at.now.toISOString(), pageUrl: at.pageUrl, locale: at.locale },
  };
  if (values.honeypot) request.honeypot = values.honeypot;
  return request;
}
