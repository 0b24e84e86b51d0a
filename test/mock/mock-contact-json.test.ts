import { describe, expect, it } from 'vitest';
import { BASE, mockWith, read, signup } from './mock-fixture.js';

// README's "Test against the mock": a test in another process or language reads a contact
// back as JSON from the mock's own route, without credentials, as it reads the outbox.
describe('mock Dotdigital: GET /_mock/contacts/{email or id}', () => {
  it('answers the contact with its consent records, opted-in preferences and address books, by address or id', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { preferences: [{ id: 5, isPreference: true, isOptedIn: true }] }));
    await api('POST', '/v2/address-books/101/contacts', { email: 'ann@example.com', optInType: 'Single' });
    const byEmail = await read(mock.fetch(`${BASE}/_mock/contacts/${encodeURIComponent('ANN@example.com')}`));
    expect(byEmail.status).toBe(200);
    expect(byEmail.headers.get('content-type')).toMatch(/^application\/json/);
    expect(byEmail.body).toMatchObject({ email: 'ann@example.com', status: 'Subscribed', optInType: 'Single', preferences: [5], addressBooks: [101] });
    expect(byEmail.body.consentRecords).toEqual([{ id: expect.any(String), fields: expect.arrayContaining([{ key: 'TEXT', value: 'Yes please.' }, { key: 'URL', value: 'https://www.example.com/' }]) }]);
    expect(byEmail.body.dataFields).toContainEqual({ key: 'LASTSUBSCRIBED', value: expect.any(String) });
    const byId = await read(mock.fetch(`${BASE}/_mock/contacts/${byEmail.body.id}`));
    expect(byId.body).toEqual(byEmail.body);
  });

  it('answers 404 with a sentence for an address it does not hold', async () => {
    const { mock } = mockWith();
    const { status, body } = await read(mock.fetch(`${BASE}/_mock/contacts/nobody%40example.com`));
    expect(status).toBe(404);
    expect(body.error).toContain('No contact nobody@example.com');
  });
});
