import { describe, expect, it } from 'vitest';
import { createMockDotdigital } from '../../src/mock/index.js';
import { mockWith, refusal, signup } from '../support/mock-fixture.js';

const TYPED_FIELDS = [
  { name: 'AGE', type: 'Numeric' as const, visibility: 'Private' as const, defaultValue: null },
  { name: 'BIRTHDAY', type: 'Date' as const, visibility: 'Private' as const, defaultValue: null },
  { name: 'VIP', type: 'Boolean' as const, visibility: 'Private' as const, defaultValue: null },
];

describe('mock Dotdigital: refusals (status, ERROR_ token, nothing changed)', () => {
  it.each(['nope', 'ann@', '@example.com', 'ann@example', 'ann smith@example.com', ''])('refuses the address %j with 400 ERROR_PARAMETER_INVALID', async (email) => {
    const { api, mock } = mockWith();
    const answer = await refusal(api('POST', '/v2/contacts/with-consent-and-preferences', signup(email)));
    expect(answer).toEqual({ status: 400, message: 'Email is not a valid email address. ERROR_PARAMETER_INVALID', token: 'ERROR_PARAMETER_INVALID' });
    expect(mock.store.contacts.size).toBe(0);
  });

  it('refuses an unknown data field with 400 ERROR_DATAFIELD_NOTFOUND', async () => {
    const { api, mock } = mockWith();
    const answer = await refusal(api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }, { key: 'SHOESIZE', value: '9' }] })));
    expect([answer.status, answer.token]).toEqual([400, 'ERROR_DATAFIELD_NOTFOUND']);
    expect(mock.store.contacts.size).toBe(0);
  });

  it('refuses a data-field name over 20 characters as not found, and such a field in its seed', async () => {
    const { api } = mockWith();
    const answer = await refusal(api('POST', '/v2/contacts/with-consent', signup('ann@example.com', { dataFields: [{ key: 'A_VERY_LONG_FIELD_NAME', value: 'x' }] })));
    expect(answer.token).toBe('ERROR_DATAFIELD_NOTFOUND');
    expect(() => createMockDotdigital({ dataFields: [{ name: 'TWENTY_ONE_CHARACTERS', type: 'String', visibility: 'Private', defaultValue: null }] })).toThrow(/longer than 20 characters/);
  });

  it.each([
    ['AGE', 'forty-two'], ['AGE', true], ['AGE', ''],
    ['BIRTHDAY', 'last Tuesday'], ['BIRTHDAY', 1990], ['BIRTHDAY', '1990-13-45'],
    ['VIP', 'yes'], ['VIP', 1],
    ['FIRSTNAME', { first: 'Ann' }],
  ])('refuses %s = %j with 400 ERROR_DATAFIELD_INVALID', async (key, value) => {
    const { api, mock } = mockWith({ dataFields: [...TYPED_FIELDS, { name: 'FIRSTNAME', type: 'String', visibility: 'Private', defaultValue: null }] });
    const answer = await refusal(api('POST', '/v2/contacts/with-consent', { contact: { email: 'ann@example.com', dataFields: [{ key, value }] } }));
    expect([answer.status, answer.token]).toEqual([400, 'ERROR_DATAFIELD_INVALID']);
    expect(answer.message).toContain(key);
    expect(mock.store.contacts.size).toBe(0);
  });

  it.each([
    ['an unknown preference', [{ id: 99, isPreference: true, isOptedIn: true }]],
    ['an unknown category', [{ id: 98, isPreference: false, preferences: [{ id: 2, isPreference: true, isOptedIn: true }] }]],
    ['a category sent as a preference', [{ id: 1, isPreference: true, isOptedIn: true }]],
    ['an unknown preference inside a category', [{ id: 1, isPreference: false, preferences: [{ id: 97, isPreference: true, isOptedIn: true }] }]],
  ])('refuses %s with 400 ERROR_PREFERENCE_NOT_FOUND', async (_case, preferences) => {
    const { api, mock } = mockWith();
    const answer = await refusal(api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { preferences })));
    expect([answer.status, answer.token]).toEqual([400, 'ERROR_PREFERENCE_NOT_FOUND']);
    expect(mock.store.contacts.size).toBe(0);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const { api } = mockWith();
    const answer = await refusal(api('POST', '/v2/contacts/with-consent', '{"contact":'));
    expect([answer.status, answer.token]).toEqual([400, 'ERROR_INVALID_REQUEST']);
  });
});
