import { describe, expect, it } from 'vitest';
import { formDefinitionSchema, offeredPreferences, readFormDefinition, signupRequestSchema } from '../../src/core/index.js';

const valid = {
  preferences: [
    { id: 1, label: 'Newsletters', preferences: [{ id: 2, label: 'Weekly' }] },
    { id: 5, label: 'Events' },
  ],
  consent: { text: 'Yes please.', version: 'abc' },
  fields: [{ name: 'FIRSTNAME', label: 'First name', type: 'String', required: false }],
  doubleOptIn: true,
};

// The browser reads definitions without zod; these cases hold it to the schema's verdicts.
const cases: Array<[string, unknown]> = [
  ['a valid definition', valid],
  ['extra properties everywhere', { ...valid, extra: 1, consent: { ...valid.consent, x: 1 }, preferences: [{ id: 5, label: 'E', isPublic: true }] }],
  ['no preferences at all', { ...valid, preferences: [] }],
  ['a category with a bad child (read as a plain preference)', { ...valid, preferences: [{ id: 1, label: 'C', preferences: [{ id: 'x' }] }] }],
  ['a category with preferences: null', { ...valid, preferences: [{ id: 1, label: 'C', preferences: null }] }],
  ['null', null],
  ['an array', []],
  ['a string id', { ...valid, preferences: [{ id: '5', label: 'E' }] }],
  ['preference id 0', { ...valid, preferences: [{ id: 0, label: 'E' }] }],
  ['a negative preference id', { ...valid, preferences: [{ id: 1, label: 'C', preferences: [{ id: -2, label: 'W' }] }] }],
  ['a fractional preference id', { ...valid, preferences: [{ id: 1.5, label: 'E' }] }],
  ['a missing label', { ...valid, preferences: [{ id: 5 }] }],
  ['empty consent text', { ...valid, consent: { text: '', version: 'abc' } }],
  ['empty consent version', { ...valid, consent: { text: 'x', version: '' } }],
  ['no consent', { ...valid, consent: undefined }],
  ['an unknown field type', { ...valid, fields: [{ name: 'A', label: 'A', type: 'Text', required: false }] }],
  ['required as a string', { ...valid, fields: [{ name: 'A', label: 'A', type: 'String', required: 'no' }] }],
  ['doubleOptIn missing', { ...valid, doubleOptIn: undefined }],
  ['fields missing', { ...valid, fields: undefined }],
];

describe('readFormDefinition', () => {
  it.each(cases)('agrees with formDefinitionSchema on %s', (_name, input) => {
    const schema = formDefinitionSchema.safeParse(input);
    expect(readFormDefinition(input)).toEqual(schema.success ? schema.data : undefined);
  });

  it.each([0, -1, 1.5, 2 ** 53])('refuses preference id %s, as the request schema does (no signup could send it back)', (id) => {
    expect(formDefinitionSchema.safeParse({ ...valid, preferences: [{ id, label: 'E' }] }).success).toBe(false);
    expect(signupRequestSchema.shape.preferences.safeParse([id]).success).toBe(false);
  });

  it('lists the offered preferences in order, categories opened up', () => {
    expect(offeredPreferences(readFormDefinition(valid)!).map((p) => p.id)).toEqual([2, 5]);
  });
});
