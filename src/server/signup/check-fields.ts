import { FIELD_TYPE_EXPECTED, FIELD_TYPES, isEmptyFieldValue, type FieldValue, type FormField, type SignupRequestProblem } from '../../core/index.js';
import type { DataFieldValue } from '../dotdigital/build-contact-body.js';

/**
 * Checks the data fields a visitor sent against the allow-list: names must be allowed,
 * required ones present, values of the field's type, cast by core's field-type table — the
 * one the form checks with, so both judge a value alike (a form sends text, so `"42"`,
 * `"true"`/`"on"` and ISO dates are cast, as Dotdigital wants them). Empty values are left
 * out rather than sent, so they never blank what a contact already has.
 *
 * @example
 * checkFields({ AGE: '42' }, [{ name: 'AGE', label: 'Age', type: 'Numeric', required: false }]);
 * // { ok: true, values: [{ key: 'AGE', value: 42 }] }
 */
export function checkFields(
  sent: Record<string, FieldValue> | undefined,
  allowed: FormField[],
): { ok: true; values: DataFieldValue[] } | { ok: false; problem: SignupRequestProblem } {
  const byName = new Map(allowed.map((field) => [field.name, field]));
  for (const name of Object.keys(sent ?? {})) {
    if (!byName.has(name)) {
      return { ok: false, problem: { code: 'unknown_field', message: `fields.${name.slice(0, 40)} is not accepted by this form.`, field: `fields.${name.slice(0, 40)}` } };
    }
  }
  const values: DataFieldValue[] = [];
  for (const field of allowed) {
    const raw = sent?.[field.name];
    if (isEmptyFieldValue(raw)) {
      if (field.required) return { ok: false, problem: { code: 'missing_field', message: `Enter ${field.label}.`, field: `fields.${field.name}` } };
      continue;
    }
    const value = FIELD_TYPES[field.type].cast(raw);
    if (value === undefined) {
      return { ok: false, problem: { code: 'invalid_field', message: `${field.label} must be ${FIELD_TYPE_EXPECTED[field.type]}.`, field: `fields.${field.name}` } };
    }
    values.push({ key: field.name, value });
  }
  return { ok: true, values };
}
