import { describe, expect, it } from 'vitest';
import { mockWith, read, signup } from '../support/mock-fixture.js';

// The request of the seed's C# example for POST /v2/contacts/with-consent, as sent: lower-case
// consent keys, LASTSUBSCRIBED and a status among the data the client echoes back.
const SEED_REQUEST = {
  contact: {
    email: 'john.smith@example.com', optInType: 'Unknown', emailType: 'Html',
    dataFields: [
      { key: 'FIRSTNAME', value: 'John' }, { key: 'FULLNAME', value: 'John Smith' }, { key: 'GENDER', value: 'Male' },
      { key: 'LASTNAME', value: 'Smith' }, { key: 'LASTSUBSCRIBED', value: '2018-02-28T08:07:01.441' }, { key: 'POSTCODE', value: 'N5 1DP' },
    ],
    status: 'Subscribed',
  },
  consentFields: [{ fields: [
    { key: 'text', value: 'Your consent text goes here.' }, { key: 'datetimeconsented', value: '2018-01-26T21:29:00' },
    { key: 'url', value: 'https://www.dotmailer.com/demo/' }, { key: 'ipaddress', value: '89.96.126.159' },
    { key: 'useragent', value: 'Mozilla/5.0 (X11; OpenBSD i386)' },
  ] }],
};

describe('mock Dotdigital: POST /v2/contacts/with-consent[-and-preferences]', () => {
  it('accepts the seed’s own example and answers 201 in the seed’s response shape', async () => {
    const { api } = mockWith({ now: () => new Date('2018-02-28T08:07:01.441Z') });
    const { status, body } = await read(api('POST', '/v2/contacts/with-consent', SEED_REQUEST));
    expect(status).toBe(201);
    expect(body).toEqual({
      contact: {
        id: 1, email: 'john.smith@example.com', optInType: 'Unknown', emailType: 'Html',
        dataFields: [
          { key: 'FIRSTNAME', value: 'John' }, { key: 'FULLNAME', value: 'John Smith' }, { key: 'GENDER', value: 'Male' },
          { key: 'LASTNAME', value: 'Smith' }, { key: 'LASTSUBSCRIBED', value: '2018-02-28T08:07:01Z' }, { key: 'POSTCODE', value: 'N5 1DP' },
        ],
        status: 'Subscribed',
      },
      consentFields: [{ id: null, fields: [
        { key: 'TEXT', value: 'Your consent text goes here.' }, { key: 'DATETIMECONSENTED', value: '2018-01-26T21:29:00' },
        { key: 'URL', value: 'https://www.dotmailer.com/demo/' }, { key: 'IPADDRESS', value: '89.96.126.159' },
        { key: 'USERAGENT', value: 'Mozilla/5.0 (X11; OpenBSD i386)' },
      ] }],
    });
  });

  it('matches property names in any case (Contact, Email, DataFields, Key/Value)', async () => {
    const { api, mock } = mockWith();
    const { status } = await read(api('POST', '/v2/contacts/with-consent-and-preferences', {
      CONTACT: { Email: 'ann@example.com', OptInType: 'Single', EmailType: 'PlainText', DataFields: [{ Key: 'firstname', Value: 'Ann' }] },
      ConsentFields: [{ Fields: [{ Key: 'TEXT', Value: 'Yes' }] }],
      Preferences: [{ ID: 1, IsPreference: false, Preferences: [{ Id: 2, IsPreference: true, IsOptedIn: true }] }],
    }));
    expect(status).toBe(201);
    const contact = mock.store.contacts.get('ann@example.com')!;
    expect([contact.emailType, contact.optInType, contact.dataFields.get('FIRSTNAME'), [...contact.optedIn]]).toEqual(['PlainText', 'Single', 'Ann', [2]]);
    expect(contact.consentRecords[0]!.fields).toEqual({ TEXT: 'Yes' });
  });

  it('accepts explicit null for every optional property', async () => {
    const { api, mock } = mockWith();
    const { status, body } = await read(api('POST', '/v2/contacts/with-consent-and-preferences', {
      contact: { email: 'ann@example.com', optInType: null, emailType: null, dataFields: null, status: null, id: null },
      consentFields: null,
      preferences: null,
    }));
    expect(status).toBe(201);
    expect(body.contact).toMatchObject({ email: 'ann@example.com', status: 'Subscribed', optInType: 'Unknown', emailType: 'Html' });
    expect(body.consentFields).toEqual([]);
    await read(api('POST', '/v2/contacts/with-consent', { contact: { email: 'ann@example.com', dataFields: [{ key: 'FIRSTNAME', value: null }] }, consentFields: [{ fields: [{ key: 'TEXT', value: null }] }] }));
    expect(mock.store.contacts.get('ann@example.com')!.dataFields.get('FIRSTNAME')).toBeNull();
  });

  it.each([
    ['the seed JSON', ['TEXT', 'DATETIMECONSENTED', 'URL', 'IPADDRESS', 'USERAGENT']],
    ['the C# example', ['text', 'datetimeconsented', 'url', 'ipaddress', 'useragent']],
    ['older docs', ['Text', 'DateTimeConsented', 'URL', 'IPAddress', 'UserAgent']],
    ['bulk-import names', ['consenttext', 'consentdatetime', 'consenturl', 'consentip', 'consentuseragent']],
  ])('reads consent keys spelt as in %s and echoes them upper-case', async (_source, keys) => {
    const { api } = mockWith();
    const values = ['I agree.', '2026-01-26T21:29:00Z', 'https://www.example.com/signup', '203.0.113.7', 'Mozilla/5.0'];
    const { body } = await read(api('POST', '/v2/contacts/with-consent-and-preferences', {
      contact: { email: 'ann@example.com' },
      consentFields: [{ fields: keys.map((key, i) => ({ key, value: values[i] })) }],
      preferences: [],
    }));
    expect(body.consentFields).toEqual([{ id: null, fields: ['TEXT', 'DATETIMECONSENTED', 'URL', 'IPADDRESS', 'USERAGENT'].map((key, i) => ({ key, value: values[i] })) }]);
  });

  it('answers the full preference tree with isOptedIn (…-and-preferences only)', async () => {
    const { api } = mockWith();
    const withPreferences = await read(api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com')));
    expect(withPreferences.body.preferences).toHaveLength(2);
    expect(withPreferences.body.preferences[1]).toEqual({
      id: 5, publicName: 'Events near you', privateName: 'Events near you', isPreference: true, order: '1', isPublic: true,
      categoryId: 0, preferenceCount: 0, created: expect.any(String), lastModified: expect.any(String), isOptedIn: true,
    });
    expect(withPreferences.body.preferences[0].preferences.every((p: any) => p.isOptedIn === false)).toBe(true);
    const withConsent = await read(api('POST', '/v2/contacts/with-consent', signup('bob@example.com')));
    expect(withConsent.body.preferences).toBeUndefined();
  });

  it('updates the same contact for the same email in any case, data overwritten, records added', async () => {
    const { api, mock } = mockWith();
    const first = await read(api('POST', '/v2/contacts/with-consent-and-preferences', signup('Ann@Example.com', { dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }, { key: 'POSTCODE', value: 'N5' }] })));
    const second = await read(api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@EXAMPLE.com', { dataFields: [{ key: 'FIRSTNAME', value: 'Anne' }] })));
    expect([first.status, second.status, second.body.contact.id]).toEqual([201, 201, first.body.contact.id]);
    expect(mock.store.contacts.size).toBe(1);
    const contact = mock.store.contacts.get('ann@example.com')!;
    expect([contact.dataFields.get('FIRSTNAME'), contact.dataFields.get('POSTCODE')]).toEqual(['Anne', 'N5']);
    expect(contact.consentRecords).toHaveLength(2);
    expect(second.body.consentFields).toHaveLength(1);
  });

  it('opts out every preference the request does not name', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', {
      preferences: [{ id: 1, isPreference: false, preferences: [{ id: 3, isPreference: true, isOptedIn: true }] }, { id: 5, isPreference: true, isOptedIn: true }],
    }));
    expect([...mock.store.contacts.get('ann@example.com')!.optedIn].sort()).toEqual([3, 5]);
    const { body } = await read(api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { preferences: [{ id: 2, isPreference: true, isOptedIn: true }] })));
    expect([...mock.store.contacts.get('ann@example.com')!.optedIn]).toEqual([2]);
    expect(body.preferences[1]).toMatchObject({ id: 5, isOptedIn: false });
  });

  it('leaves preferences alone on POST /v2/contacts/with-consent', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'));
    await api('POST', '/v2/contacts/with-consent', signup('ann@example.com'));
    expect([...mock.store.contacts.get('ann@example.com')!.optedIn]).toEqual([5]);
  });

  it('casts Numeric, Date and Boolean data fields the way Dotdigital accepts them', async () => {
    const { api, mock } = mockWith({ dataFields: [
      { name: 'AGE', type: 'Numeric', visibility: 'Private', defaultValue: null },
      { name: 'BIRTHDAY', type: 'Date', visibility: 'Private', defaultValue: null },
      { name: 'VIP', type: 'Boolean', visibility: 'Private', defaultValue: false },
    ] });
    const dataFields = [{ key: 'AGE', value: '42' }, { key: 'BIRTHDAY', value: '1990-05-17' }, { key: 'VIP', value: 'TRUE' }];
    expect((await api('POST', '/v2/contacts/with-consent', { contact: { email: 'ann@example.com', dataFields } })).status).toBe(201);
    const stored = mock.store.contacts.get('ann@example.com')!.dataFields;
    expect([stored.get('AGE'), stored.get('BIRTHDAY'), stored.get('VIP')]).toEqual([42, '1990-05-17T00:00:00Z', true]);
  });
});
