import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSignupValues, englishMessages, FIELD_TYPES, FORM_FIELD_TYPES, type FormDefinition, type FormFieldType } from '../../src/core/index.js';
import { checkFields } from '../../src/server/signup/check-fields.js';
import { DEFINITION } from '../support/widget-fixture.js';

// The form and the proxy judge a data-field value with one table (core/field-types.ts). These
// hold them to the same verdict on the same text, as a visitor would type it.
const formWith = (type: FormFieldType): FormDefinition => ({ ...DEFINITION, fields: [{ name: 'F', label: 'F', type, required: false }] });
const browserTakes = (type: FormFieldType, text: string) =>
  checkSignupValues({ email: 'ann@example.com', preferences: {}, fields: { F: text } }, formWith(type), englishMessages).length === 0;
const proxyTakes = (type: FormFieldType, text: string) => checkFields({ F: text }, formWith(type).fields).ok;

const samples: Record<FormFieldType, string[]> = {
  String: ['Ann', ' x ', ''],
  Numeric: ['42', '-1.5', '0x1F', '1e3', 'Infinity', '4 2', '12,5', '', ' 7 '],
  Date: ['2026-01-31', '2026-02-30', '31/01/2026', '2026-01-31T10:00:00Z', 'tomorrow'],
  Boolean: ['true', 'on', 'no', 'maybe'],
};

describe('one field-type table for form and proxy', () => {
  it('has a row for every type the definition schema accepts', () => {
    expect(FORM_FIELD_TYPES).toEqual(Object.keys(FIELD_TYPES));
    expect(FORM_FIELD_TYPES).toEqual(['String', 'Numeric', 'Date', 'Boolean']);
  });

  it('refuses "0x1F" for a Numeric field on both sides (the form used to send 31)', () => {
    expect(browserTakes('Numeric', '0x1F')).toBe(false);
    expect(proxyTakes('Numeric', '0x1F')).toBe(false);
    expect(checkSignupValues({ email: 'ann@example.com', fields: { F: '0x1F' } }, formWith('Numeric'), englishMessages)).toEqual([
      { code: 'invalid_field', field: 'fields.F', message: 'F must be a number' },
    ]);
  });

  for (const type of FORM_FIELD_TYPES) {
    it.each(samples[type])(`${type}: form and proxy agree on %j`, (text) => {
      expect(browserTakes(type, text)).toBe(proxyTakes(type, text));
    });
    it(`${type}: form and proxy agree on any text`, () => {
      fc.assert(fc.property(fc.string({ maxLength: 30 }), (text) => browserTakes(type, text) === proxyTakes(type, text)));
    });
  }
});
