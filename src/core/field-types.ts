import type { SignupMessages } from './messages.js';

/** A data-field value as the widget sends it (`null`: leave the contact's value alone). */
export type FieldValue = string | number | boolean | null;

/** What a field type is, for the browser and the proxy alike. */
export interface FieldTypeRule {
  /** The form control the widget renders: a text input, a number typed as text, a date picker or a checkbox. */
  input: 'text' | 'numeric' | 'date' | 'checkbox';
  /** The value Dotdigital takes, from what a form or a JSON client sent; `undefined` when it is not one. */
  cast: (raw: string | number | boolean) => string | number | boolean | undefined;
  /** What the visitor is told about a value of the wrong kind, in the form's language. */
  wrongValue: (label: string, messages: SignupMessages) => string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const text = (raw: string | number | boolean) => (typeof raw === 'string' ? raw.trim() : undefined);
const checkDetails = (_label: string, messages: SignupMessages) => messages.errors.invalid_field;

/**
 * Dotdigital's data-field types: one row each, read by the form (which control, how to check
 * and send a value, what to say about a wrong one) and by the proxy (how to cast and check what
 * it was sent). A new type is a new row here (and its name in `FormFieldType`'s users, if any).
 *
 * @example
 * FIELD_TYPES.Numeric.cast('42');   // 42
 * FIELD_TYPES.Numeric.cast('0x1F'); // undefined: both sides refuse it
 */
export const FIELD_TYPES = {
  String: {
    input: 'text',
    cast: (raw) => text(raw) ?? (typeof raw === 'number' ? String(raw) : undefined),
    wrongValue: checkDetails,
  },
  Numeric: {
    input: 'numeric',
    // Plain decimals only: Number() would take "0x1F", "1e3" and "Infinity", which people do not mean.
    cast: (raw) => {
      const value = typeof raw === 'number' ? raw : /^-?\d+(?:\.\d+)?$/.test(text(raw) ?? '') ? Number(text(raw)) : NaN;
      return Number.isFinite(value) ? value : undefined;
    },
    wrongValue: (label, messages) => messages.fieldNumber(label),
  },
  Date: {
    input: 'date',
    cast: (raw) => {
      const value = text(raw);
      if (value === undefined || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return undefined;
      // Date.parse rolls 2026-02-30 over to 2 March; that is not the date the visitor meant.
      if (new Date(`${value.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) !== value.slice(0, 10)) return undefined;
      return value.length === 10 ? value : new Date(value).toISOString();
    },
    wrongValue: checkDetails,
  },
  Boolean: {
    input: 'checkbox',
    cast: (raw) => {
      if (typeof raw === 'boolean') return raw;
      if (/^(true|on|yes|1)$/i.test(text(raw) ?? '')) return true;
      return /^(false|off|no|0)$/i.test(text(raw) ?? '') ? false : undefined;
    },
    wrongValue: checkDetails,
  },
} as const satisfies Record<string, FieldTypeRule>;

/**
 * The proxy's words for the value each type wants, in `… must be {expected}` (API answers and
 * logs, English): part of {@link FIELD_TYPES}'s rows, kept apart so browsers do not download it.
 *
 * @example
 * `${field.label} must be ${FIELD_TYPE_EXPECTED[field.type]}.`; // 'Age must be a number.'
 */
export const FIELD_TYPE_EXPECTED: Record<keyof typeof FIELD_TYPES, string> = {
  String: 'text',
  Numeric: 'a number',
  Date: 'a date like 2026-01-31',
  Boolean: 'yes or no',
};

/** Dotdigital's data-field types: the names of {@link FIELD_TYPES}. */
export type FormFieldType = keyof typeof FIELD_TYPES;

/** The names of {@link FIELD_TYPES}, in order (for schemas and option checks). */
export const FORM_FIELD_TYPES = Object.keys(FIELD_TYPES) as [FormFieldType, ...FormFieldType[]];

/**
 * True for a value that says nothing: absent, `null` or blank text. An empty value is left out
 * rather than sent, so it never blanks what a contact already has.
 *
 * @example
 * isEmptyFieldValue('  '); // true
 */
export function isEmptyFieldValue(raw: FieldValue | undefined): raw is null | undefined | '' {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * The raw value of a data field as the form's control holds it, in the form the field-type table
 * judges: an unticked checkbox is no answer (a browser's own form post leaves it out too).
 *
 * @example
 * fieldAnswer(false); // undefined
 */
export function fieldAnswer(raw: string | boolean | undefined): string | boolean | undefined {
  return raw === false || isEmptyFieldValue(raw) ? undefined : raw;
}

