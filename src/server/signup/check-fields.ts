import type { FieldValue, FormField, SignupRequestProblem } from '../../core/index.js';
import type { DataFieldValue } from '../dotdigital/build-contact-body.js';


const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Checks the data fields a visitor sent against the allow-list: names must be allowed,
 * required ones present, values of the field's type (a form sends text, so `"42"`,
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
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (field.required) return { ok: false, problem: { code: 'missing_field', message: `Enter ${field.label}.`, field: `fields.${field.name}` } };
      continue;
    }
    const value = cast(raw, field.type);
    if (value === undefined) {
      return { ok: false, problem: { code: 'invalid_field', message: `${field.label} must be ${EXPECTED[field.type]}.`, field: `fields.${field.name}` } };
    }
    values.push({ key: field.name, value });
  }
  return { ok: true, values };
}

const EXPECTED = { String: 'text', Numeric: 'a number', Date: 'a date like 2026-01-31', Boolean: 'yes or no' } as const;

function cast(raw: string | number | boolean, type: FormField['type']): string | number | boolean | undefined {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  switch (type) {
    case 'String':
      return text ?? (typeof raw === 'number' ? String(raw) : undefined);
    case 'Numeric': {
      const value = typeof raw === 'number' ? raw : text !== undefined && /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : NaN;
      return Number.isFinite(value) ? value : undefined;
    }
    case 'Boolean':
      if (typeof raw === 'boolean') return raw;
      if (text !== undefined && /^(true|on|yes|1)$/i.test(text)) return true;
      if (text !== undefined && /^(false|off|no|0)$/i.test(text)) return false;
      return undefined;
    case 'Date': {
      if (text === undefined || !ISO_DATE.test(text) || Number.isNaN(Date.parse(text))) return undefined;
      // Date.parse rolls 2026-02-30 over to 2 March; that is not the date the visitor meant.
      if (new Date(`${text.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) !== text.slice(0, 10)) return undefined;
      return text.length === 10 ? text : new Date(text).toISOString();
    }
  }
}
