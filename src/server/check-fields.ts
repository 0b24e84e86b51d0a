import type { FieldValue, FormField, SignupRequestProblem } from '../core/index.js';

/** A data field ready for Dotdigital: its name and the value cast to the field's type. */
export interface DataFieldValue {
  key: string;
  value: string | number | boolean;
}

/** The outcome of {@link checkFields}. */
export type CheckedFields = { ok: true; dataFields: DataFieldValue[] } | { ok: false; problem: SignupRequestProblem };

const TRUE = new Set(['true', 'on', 'yes', '1']);
const FALSE = new Set(['false', 'off', 'no', '0']);

/**
 * Checks the submitted data fields against the configured allow-list: unknown names,
 * missing required ones and values of the wrong type are refused; values are cast as
 * Dotdigital expects (Numeric → number, Boolean → true/false, Date → ISO-8601). Empty values
 * are left out, so a blank optional box never wipes what Dotdigital holds.
 *
 * @example
 * checkFields({ FIRSTNAME: 'Ann' }, [{ name: 'FIRSTNAME', label: 'First name', type: 'String', required: false }]);
 * // { ok: true, dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }] }
 */
export function checkFields(submitted: Record<string, FieldValue> | undefined, allowed: readonly FormField[]): CheckedFields {
  const byName = new Map(allowed.map((field) => [field.name, field]));
  const values = submitted ?? {};
  for (const name of Object.keys(values)) {
    if (!byName.has(name)) {
      return fail('unknown_field', `The field ${name.slice(0, 40)} is not accepted by this form.`, `fields.${name.slice(0, 40)}`);
    }
  }
  const dataFields: DataFieldValue[] = [];
  for (const field of allowed) {
    const raw = Object.hasOwn(values, field.name) ? values[field.name] : undefined;
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '') {
      if (field.required) return fail('missing_field', `Enter your ${field.label.toLowerCase()}.`, `fields.${field.name}`);
      continue;
    }
    const cast = castValue(value, field.type);
    if (cast === undefined) {
      return fail('invalid_field', `${field.label} must be ${EXPECTED[field.type]}.`, `fields.${field.name}`);
    }
    dataFields.push({ key: field.name, value: cast });
  }
  return { ok: true, dataFields };
}

const EXPECTED: Record<FormField['type'], string> = {
  String: 'text',
  Numeric: 'a number',
  Date: 'a date, like 2026-01-31',
  Boolean: 'yes or no',
};

function castValue(value: string | number | boolean, type: FormField['type']): string | number | boolean | undefined {
  switch (type) {
    case 'String':
      return typeof value === 'string' ? value : undefined;
    case 'Numeric': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
      return Number.isFinite(number) ? number : undefined;
    }
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && TRUE.has(value.toLowerCase())) return true;
      if (typeof value === 'string' && FALSE.has(value.toLowerCase())) return false;
      return undefined;
    case 'Date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
      const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(time)) return undefined;
      // A calendar date that rolled over (2026-02-30) is not the date the visitor meant.
      if (new Date(time).toISOString().slice(0, 10) !== value.slice(0, 10) && value.length === 10) return undefined;
      return new Date(time).toISOString();
    }
  }
}

function fail(code: SignupRequestProblem['code'], message: string, field: string): CheckedFields {
  return { ok: false, problem: { code, message, field } };
}
