import { describe, expect, it } from 'vitest';
import { CONSENT_V3, mockWith, read, v3Contact } from '../support/mock-fixture.js';

const put = (contacts: unknown[], extra: Record<string, unknown> = {}) => ({ contacts, ...extra });

describe('mock Dotdigital: v3 requests it refuses (400 in the v3 envelope)', () => {
  it.each([
    ['no consent record in the array', put([v3Contact('a@example.com', { consentRecords: [] })]), 'contacts[0].consentRecords'],
    ['six consent records', put([v3Contact('a@example.com', { consentRecords: Array(6).fill(CONSENT_V3) })]), 'contacts[0].consentRecords'],
    ['a record without userAgent', put([v3Contact('a@example.com', { consentRecords: [{ ...CONSENT_V3, userAgent: undefined }] })]), 'contacts[0].consentRecords[0].userAgent'],
    ['a record with an extra property', put([v3Contact('a@example.com', { consentRecords: [{ ...CONSENT_V3, source: 'form' }] })]), 'contacts[0].consentRecords[0].source'],
    ['a record with an empty text', put([v3Contact('a@example.com', { consentRecords: [{ ...CONSENT_V3, text: ' ' }] })]), 'contacts[0].consentRecords[0].text'],
    ['a record whose date is not a date', put([v3Contact('a@example.com', { consentRecords: [{ ...CONSENT_V3, dateTimeConsented: 'yesterday' }] })]), 'contacts[0].consentRecords[0].dateTimeConsented'],
    ['an unknown preference', put([v3Contact('a@example.com', { preferences: [{ id: 99, isOptedIn: true }] })]), 'contacts[0].preferences[0].id'],
    ['an unknown list', put([v3Contact('a@example.com', { lists: [999] })]), 'contacts[0].lists[0]'],
    ['an unknown data field', put([v3Contact('a@example.com', { dataFields: { NOPE: 'x' } })]), 'contacts[0].dataFields.NOPE'],
    ['a bad optInType', put([v3Contact('a@example.com', { channelProperties: { email: { optInType: 'Double-ish' } } })]), 'contacts[0].channelProperties.email.optInType'],
    ['no matchIdentifier', put([{ ...v3Contact('a@example.com'), matchIdentifier: undefined }]), 'contacts[0].matchIdentifier'],
    ['no contacts', put([]), 'contacts'],
    ['an unknown mergeOption', put([v3Contact('a@example.com')], { mergeOption: 'replace' }), 'mergeOption'],
  ])('an import with %s', async (_, body, item) => {
    const { api, mock } = mockWith();
    const { status, body: error } = await read(api('PUT', '/contacts/v3/import', body));
    expect(status).toBe(400);
    expect(error).toMatchObject({ errorCode: 'contacts:validationError', description: expect.any(String) });
    expect(error.details).toContainEqual({ item, description: expect.any(String) });
    expect(mock.store.imports).toHaveLength(0);
  });

  it('a body that is not JSON: contacts:badJson', async () => {
    const { api } = mockWith();
    expect(await read(api('PUT', '/contacts/v3/import', '{"contacts": ['))).toMatchObject({ status: 400, body: { errorCode: 'contacts:badJson' } });
    expect(await read(api('PATCH', '/contacts/v3/email/a@example.com', 'nope'))).toMatchObject({ status: 400, body: { errorCode: 'contacts:badJson' } });
  });

  it('a PATCH to an invalid address, or with a bad merge-option', async () => {
    const { api } = mockWith();
    const invalid = await read(api('PATCH', '/contacts/v3/email/not-an-email', v3Contact('not-an-email')));
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual([{ item: 'identifiers.email', description: "Invalid value for 'email'" }]);
    const merge = await read(api('PATCH', '/contacts/v3/email/a@example.com?merge-option=sometimes', v3Contact('a@example.com')));
    expect(merge.body.details).toEqual([{ item: 'merge-option', description: expect.any(String) }]);
  });

  it('answers auth failures and unknown v3 paths in the v3 envelope', async () => {
    const { mock, api } = mockWith();
    const anonymous = await read(mock.fetch('http://127.0.0.1:4999/contacts/v3/import/x'));
    expect(anonymous).toMatchObject({ status: 401, body: { errorCode: 'unauthorized', description: 'Authorization has been denied for this request.' } });
    expect(await read(api('GET', '/contacts/v3/nothing-here'))).toMatchObject({ status: 404, body: { errorCode: 'notFound' } });
  });
});
