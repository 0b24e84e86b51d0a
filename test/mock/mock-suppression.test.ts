import { describe, expect, it } from 'vitest';
import { mockWith, read, refusal, signup } from '../support/mock-fixture.js';

const SUPPRESSED = { status: 400, message: 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED', token: 'ERROR_CONTACT_SUPPRESSED' };

describe('mock Dotdigital: suppressed and unsubscribed contacts', () => {
  it('refuses every write to an address on the suppression list, in any case, and changes nothing', async () => {
    const { api, mock } = mockWith({ suppressed: ['Gone@Example.com'] });
    const before = structuredClone(mock.store.contacts.get('gone@example.com'));
    expect(await refusal(api('POST', '/v2/contacts/with-consent-and-preferences', signup('gone@example.com')))).toEqual(SUPPRESSED);
    expect(await refusal(api('POST', '/v2/contacts/with-consent', signup('GONE@example.com')))).toEqual(SUPPRESSED);
    expect(await refusal(api('POST', '/v2/address-books/101/contacts', { email: 'gone@example.com' }))).toEqual(SUPPRESSED);
    expect(mock.store.contacts.get('gone@example.com')).toEqual(before);
    expect((await read(api('GET', '/v2/contacts/gone@example.com'))).body.status).toBe('Suppressed');
  });

  it('unsubscribes through POST /v2/contacts/unsubscribe, then refuses the contact', async () => {
    const { api } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'));
    const { status, body } = await read(api('POST', '/v2/contacts/unsubscribe', { email: 'ann@example.com' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ suppressedContact: { email: 'ann@example.com', status: 'Unsubscribed' }, reason: 'Unsubscribed', dateRemoved: expect.any(String) });
    expect(await refusal(api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com')))).toEqual(SUPPRESSED);
  });

  it('unsubscribes from the button on its page (a 303 back to the page)', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'));
    const clicked = await mock.fetch('http://127.0.0.1:4999/_mock/contacts/1/unsubscribe', { method: 'POST' });
    expect([clicked.status, clicked.headers.get('location')]).toEqual([303, '/']);
    expect(mock.store.contacts.get('ann@example.com')!.status).toBe('Unsubscribed');
    expect(await refusal(api('POST', '/v2/contacts/with-consent', signup('ann@example.com')))).toEqual(SUPPRESSED);
  });

  it('unsubscribes from code with mock.unsubscribe(email)', async () => {
    const { api, mock } = mockWith();
    mock.unsubscribe('bob@example.com');
    expect(await refusal(api('POST', '/v2/contacts/with-consent', signup('bob@example.com')))).toEqual(SUPPRESSED);
  });

  it('with suppressedWrites "keep-status", answers 2xx and leaves the status Suppressed', async () => {
    const { api, mock } = mockWith({ suppressed: ['gone@example.com'], suppressedWrites: 'keep-status' });
    const { status, body } = await read(api('POST', '/v2/contacts/with-consent-and-preferences', signup('gone@example.com', { optInType: 'VerifiedDouble' })));
    expect([status, body.contact.status]).toEqual([201, 'Suppressed']);
    expect(mock.store.outbox).toHaveLength(0);
  });

  it('does not confirm a contact who unsubscribed before following the link', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { optInType: 'VerifiedDouble' }));
    mock.unsubscribe('ann@example.com');
    const page = await mock.fetch(mock.store.outbox[0]!.link);
    expect(await page.text()).toContain('Not confirmed');
    expect(mock.store.contacts.get('ann@example.com')!.status).toBe('Unsubscribed');
  });
});
