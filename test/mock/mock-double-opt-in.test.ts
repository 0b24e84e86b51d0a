import { describe, expect, it } from 'vitest';
import { mockWith, read, signup } from '../support/mock-fixture.js';

describe('mock Dotdigital: double opt-in', () => {
  it('answers VerifiedDouble as Double/PendingOptIn and puts a confirmation email in the outbox', async () => {
    const { api, mock } = mockWith();
    const { status, body } = await read(api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { optInType: 'VerifiedDouble' })));
    expect(status).toBe(201);
    expect(body.contact).toMatchObject({ optInType: 'Double', status: 'PendingOptIn' });
    expect(body.contact.dataFields).toContainEqual({ key: 'LASTSUBSCRIBED', value: null });
    expect(mock.store.outbox).toEqual([{
      id: expect.any(String), to: 'ann@example.com', subject: 'Please confirm your subscription',
      text: expect.stringContaining(mock.store.outbox[0]!.link), link: expect.stringMatching(/^http:\/\/127\.0\.0\.1:4999\/_mock\/confirm\//), sentAt: expect.any(String),
    }]);
  });

  it('makes the contact VerifiedDouble/Subscribed when the link is followed', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { optInType: 'VerifiedDouble' }));
    const page = await mock.fetch(mock.store.outbox[0]!.link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Subscription confirmed');
    const { body } = await read(api('GET', '/v2/contacts/ann@example.com'));
    expect(body).toMatchObject({ optInType: 'VerifiedDouble', status: 'Subscribed' });
    expect(body.dataFields.find((f: any) => f.key === 'LASTSUBSCRIBED').value).not.toBeNull();
  });

  it('forces double opt-in for every API signup when the account says so', async () => {
    const { api, mock } = mockWith({ forceDoubleOptIn: true });
    const { body } = await read(api('POST', '/v2/contacts/with-consent', signup('ann@example.com', { optInType: 'Single' })));
    expect(body.contact).toMatchObject({ optInType: 'Double', status: 'PendingOptIn' });
    expect(mock.store.outbox).toHaveLength(1);
  });

  it('does not ask a subscribed contact to confirm again', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'));
    const { body } = await read(api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { optInType: 'VerifiedDouble' })));
    expect(body.contact.status).toBe('Subscribed');
    expect(mock.store.outbox).toHaveLength(0);
  });

  it('sends a pending contact a new email on a new signup, not when added to an address book', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { optInType: 'VerifiedDouble' }));
    const added = await read(api('POST', '/v2/address-books/101/contacts', { email: 'ann@example.com', optInType: 'VerifiedDouble' }));
    expect([added.status, added.body.status, mock.store.outbox.length]).toEqual([200, 'PendingOptIn', 1]);
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', { optInType: 'VerifiedDouble' }));
    expect(mock.store.outbox).toHaveLength(2);
  });

  it('serves the outbox as JSON and answers 404 for a link it never sent', async () => {
    const { api, mock } = mockWith();
    await api('POST', '/v2/contacts/with-consent', signup('ann@example.com', { optInType: 'VerifiedDouble' }));
    const outbox = await read<any[]>(mock.fetch('http://127.0.0.1:4999/_mock/outbox'));
    expect(outbox.body.map((email) => email.to)).toEqual(['ann@example.com']);
    expect((await mock.fetch('http://127.0.0.1:4999/_mock/confirm/not-a-link')).status).toBe(404);
  });
});
