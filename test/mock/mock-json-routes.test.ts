import { describe, expect, it } from 'vitest';
import { BASE, mockWith, read, signup } from '../support/mock-fixture.js';

// The mock's JSON for tests in other processes or languages (README, "Test against the mock"):
// what `mock.store` holds, over HTTP, without credentials.
const json = (mock: ReturnType<typeof mockWith>['mock'], path: string) => read(mock.fetch(`${BASE}${path}`));

describe('GET /_mock/contacts/{email}', () => {
  it('answers the contact: status, data fields, every preference with its choice, address books, consent records', async () => {
    const { api, mock } = mockWith({ forceDoubleOptIn: true });
    const body = signup('Ann@Example.com', { dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }], preferences: [{ id: 5, isPreference: true, isOptedIn: true }] });
    expect((await api('POST', '/v2/contacts/with-consent-and-preferences', body)).status).toBe(201);
    await api('POST', '/v2/address-books/101/contacts', { email: 'ann@example.com', optInType: 'VerifiedDouble' });
    const { status, body: contact } = await json(mock, '/_mock/contacts/ann%40example.com');
    expect(status).toBe(200);
    expect(contact).toMatchObject({
      email: 'Ann@Example.com', status: 'PendingOptIn', optInType: 'Double', emailType: 'Html',
      dataFields: { FIRSTNAME: 'Ann' }, addressBooks: [101],
      consentRecords: [{ text: 'Yes please.', url: 'https://www.example.com/', dateTimeConsented: null, ipAddress: null, userAgent: null, created: expect.any(String) }],
    });
    expect(contact.preferences.filter((p: { optedIn: boolean }) => p.optedIn)).toEqual([{ id: 5, name: expect.any(String), optedIn: true }]);
    expect(contact.preferences.length).toBe(mock.store.preferences.flatMap((item) => (item.isPreference ? [item] : (item.preferences ?? []))).length);
    expect(contact.preferences.find((p: { category?: string }) => p.category)).toMatchObject({ category: expect.any(String) });
    // The same contact by any spelling of the address; the confirmation link in the outbox confirms it.
    expect((await json(mock, '/_mock/contacts/ANN@example.com')).body.id).toBe(contact.id);
    const outbox = await json(mock, '/_mock/outbox?to=ANN@EXAMPLE.COM');
    expect(outbox.body).toHaveLength(1);
    await mock.fetch(outbox.body[0].link);
    expect((await json(mock, '/_mock/contacts/ann@example.com')).body.status).toBe('Subscribed');
  });

  it('answers 404 with a JSON error for an address it does not hold', async () => {
    const { mock } = mockWith();
    const { status, body, headers } = await json(mock, '/_mock/contacts/nobody@example.com');
    expect([status, headers.get('content-type')]).toEqual([404, expect.stringContaining('application/json')]);
    expect(body).toEqual({ error: 'not_found', message: expect.stringContaining('nobody@example.com') });
    expect((await json(mock, '/_mock/contacts/not-an-address')).status).toBe(404);
  });

  it('lists every contact on GET /_mock/contacts, and the whole outbox without ?to=', async () => {
    const { api, mock } = mockWith({ forceDoubleOptIn: true });
    for (const email of ['a@example.com', 'b@example.com']) await api('POST', '/v2/contacts/with-consent', signup(email));
    mock.unsubscribe('b@example.com');
    expect((await json(mock, '/_mock/contacts')).body.map((c: { email: string; status: string }) => [c.email, c.status])).toEqual([
      ['a@example.com', 'PendingOptIn'],
      ['b@example.com', 'Unsubscribed'],
    ]);
    expect((await json(mock, '/_mock/outbox')).body.map((e: { to: string }) => e.to)).toEqual(['a@example.com', 'b@example.com']);
    expect((await json(mock, '/_mock/outbox?to=nobody@example.com')).body).toEqual([]);
  });
});
