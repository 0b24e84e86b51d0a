import { describe, expect, it } from 'vitest';
import { mockWith, read, refusal, signup } from '../support/mock-fixture.js';

describe('mock Dotdigital: reading the account', () => {
  it('GET /v2/preferences lists the tree with every documented field, order as a string', async () => {
    const { api } = mockWith();
    const { status, body } = await read<any[]>(api('GET', '/v2/preferences'));
    expect(status).toBe(200);
    expect(body.map((item) => [item.id, item.isPreference])).toEqual([[1, false], [5, true]]);
    const fields = ['id', 'publicName', 'privateName', 'isPreference', 'order', 'isPublic', 'categoryId', 'preferenceCount', 'created', 'lastModified'];
    for (const item of [body[0], body[0].preferences[0], body[1]]) expect(Object.keys(item)).toEqual(expect.arrayContaining(fields));
    expect(body[0].preferences.map((p: any) => [p.id, p.order, p.isPublic, p.categoryId])).toEqual([[2, '0', true, 1], [3, '1', true, 1], [4, '2', false, 1]]);
    expect(body[1]).toMatchObject({ categoryId: 0, order: '1' });
  });

  it('GET /v2/data-fields lists name, type, visibility and default value', async () => {
    const { api } = mockWith({ dataFields: [{ name: 'AGE', type: 'Numeric', visibility: 'Public', defaultValue: null }] });
    expect(await read(api('GET', '/v2/data-fields'))).toMatchObject({
      status: 200,
      body: [{ name: 'AGE', type: 'Numeric', visibility: 'Public', defaultValue: null }],
    });
  });

  it('GET /v2/contacts/{idOrEmail} finds a contact by id or by email in any case', async () => {
    const { api } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('Ann@Example.com', { dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }] }));
    for (const key of ['1', 'ann@example.com', encodeURIComponent('ANN@EXAMPLE.COM')]) {
      const { status, body } = await read(api('GET', `/v2/contacts/${key}`));
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: 1, email: 'Ann@Example.com', optInType: 'Single', emailType: 'Html', status: 'Subscribed' });
    }
  });

  it('lists every account data field on a contact, null when unset, with LASTSUBSCRIBED', async () => {
    const { api } = mockWith();
    await api('POST', '/v2/contacts/with-consent', { contact: { email: 'ann@example.com', dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }] } });
    const { body } = await read(api('GET', '/v2/contacts/ann@example.com'));
    expect(body.dataFields.map((f: any) => f.key)).toEqual(['FIRSTNAME', 'FULLNAME', 'GENDER', 'LASTNAME', 'LASTSUBSCRIBED', 'POSTCODE']);
    expect(body.dataFields).toContainEqual({ key: 'FIRSTNAME', value: 'Ann' });
    expect(body.dataFields).toContainEqual({ key: 'GENDER', value: null });
    expect(body.dataFields.find((f: any) => f.key === 'LASTSUBSCRIBED').value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('answers 404 "Error: ERROR_CONTACT_NOT_FOUND" for an unknown contact', async () => {
    const { api } = mockWith();
    for (const path of ['/v2/contacts/nobody@example.com', '/v2/contacts/42/with-consent', '/v2/contacts/nobody@example.com/preferences']) {
      expect(await refusal(api('GET', path))).toEqual({ status: 404, message: 'Error: ERROR_CONTACT_NOT_FOUND', token: 'ERROR_CONTACT_NOT_FOUND' });
    }
  });

  it('GET …/with-consent returns the stored records with an opaque id and DATETIMECREATED', async () => {
    const { api } = mockWith({ now: () => new Date('2026-01-26T21:30:00.123Z') });
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'));
    const { status, body } = await read(api('GET', '/v2/contacts/ann@example.com/with-consent'));
    expect(status).toBe(200);
    expect(body.contact).toMatchObject({ email: 'ann@example.com', status: 'Subscribed' });
    expect(body.consentFields).toEqual([{
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      fields: [{ key: 'TEXT', value: 'Yes please.' }, { key: 'URL', value: 'https://www.example.com/' }, { key: 'DATETIMECREATED', value: '2026-01-26T21:30:00Z' }],
    }]);
  });

  it('GET …/preferences returns the whole tree with isOptedIn on each preference', async () => {
    const { api } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { preferences: [{ id: 1, isPreference: false, preferences: [{ id: 3, isPreference: true, isOptedIn: true }] }] }));
    const { status, body } = await read<any[]>(api('GET', '/v2/contacts/ann@example.com/preferences'));
    expect(status).toBe(200);
    expect(body[0]).toMatchObject({ id: 1, isPreference: false, publicName: 'Newsletters' });
    expect(body[0].isOptedIn).toBeUndefined();
    expect(body[0].preferences.map((p: any) => [p.id, p.isOptedIn])).toEqual([[2, false], [3, true], [4, false]]);
    expect(body[1]).toMatchObject({ id: 5, isOptedIn: false, publicName: 'Events near you', order: '1' });
  });

  it('answers 404 with a message for a call it does not know', async () => {
    const { api } = mockWith();
    const answer = await refusal(api('GET', '/v2/campaigns'));
    expect(answer.status).toBe(404);
    expect(answer.token).toBe('ERROR_RESOURCE_NOT_FOUND');
  });
});

describe('mock Dotdigital: PUT /v2/contacts/{idOrEmail}/preferences', () => {
  it('changes only the preferences it names and answers the tree', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { preferences: [{ id: 5, isPreference: true, isOptedIn: true }] }));
    const { status, body } = await read<any[]>(api('PUT', '/v2/contacts/ann@example.com/preferences', [
      { Id: 1, IsPreference: false, Preferences: [{ Id: 2, IsPreference: true, IsOptedIn: true }] },
    ]));
    expect(status).toBe(200);
    expect(body[1]).toMatchObject({ id: 5, isOptedIn: true });
    expect([...mock.store.contacts.get('ann@example.com')!.optedIn].sort()).toEqual([2, 5]);
    await api('PUT', '/v2/contacts/1/preferences', [{ id: 5, isPreference: true, isOptedIn: false }]);
    expect([...mock.store.contacts.get('ann@example.com')!.optedIn]).toEqual([2]);
  });

  it('refuses an unknown preference with ERROR_PREFERENCE_NOT_FOUND and changes nothing', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'));
    const answer = await refusal(api('PUT', '/v2/contacts/ann@example.com/preferences', [{ id: 2, isPreference: true, isOptedIn: true }, { id: 99, isPreference: true, isOptedIn: true }]));
    expect([answer.status, answer.token]).toEqual([400, 'ERROR_PREFERENCE_NOT_FOUND']);
    expect([...mock.store.contacts.get('ann@example.com')!.optedIn]).toEqual([5]);
  });

  it('answers 404 ERROR_CONTACT_NOT_FOUND for an unknown contact', async () => {
    const { api } = mockWith();
    expect((await refusal(api('PUT', '/v2/contacts/nobody@example.com/preferences', []))).token).toBe('ERROR_CONTACT_NOT_FOUND');
  });
});
