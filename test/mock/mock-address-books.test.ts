import { describe, expect, it } from 'vitest';
import { mockWith, read, refusal, signup } from '../support/mock-fixture.js';

describe('mock Dotdigital: POST /v2/address-books/{id}/contacts', () => {
  it('creates or updates the contact and adds it to the book, answering 200 with the contact', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'));
    const { status, body } = await read(api('POST', '/v2/address-books/101/contacts', { Email: 'ANN@example.com', OptInType: 'Single', DataFields: [{ Key: 'LASTNAME', Value: 'Smith' }] }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 1, email: 'ann@example.com', status: 'Subscribed' });
    const contact = mock.store.contacts.get('ann@example.com')!;
    expect([[...contact.addressBooks], contact.dataFields.get('LASTNAME'), [...contact.optedIn]]).toEqual([[101], 'Smith', [5]]);
  });

  it('GET /v2/address-books lists the books with their contact counts', async () => {
    const { api } = mockWith();
    await api('POST', '/v2/address-books/101/contacts', { email: 'ann@example.com' });
    expect((await read(api('GET', '/v2/address-books'))).body).toEqual([
      { id: 101, name: 'Newsletter signups', visibility: 'Public', contacts: 1 },
      { id: 102, name: 'Customers', visibility: 'Private', contacts: 0 },
    ]);
  });

  it('refuses an unknown address book with 404 "Error: ERROR_ADDRESSBOOK_NOT_FOUND"', async () => {
    const { api, mock } = mockWith();
    const answer = await refusal(api('POST', '/v2/address-books/999/contacts', { email: 'ann@example.com' }));
    expect(answer).toEqual({ status: 404, message: 'Error: ERROR_ADDRESSBOOK_NOT_FOUND', token: 'ERROR_ADDRESSBOOK_NOT_FOUND' });
    expect(mock.store.contacts.size).toBe(0);
  });
});
