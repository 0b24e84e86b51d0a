import { describe, expect, it } from 'vitest';
import { BASE, mockWith, read, v3Contact } from '../support/mock-fixture.js';

const DOUBLE = { channelProperties: { email: { status: 'subscribed', optInType: 'verifiedDouble' } } };

async function importAndRead(api: ReturnType<typeof mockWith>['api'], contacts: unknown[]) {
  const { body } = await read(api('PUT', '/contacts/v3/import', { contacts }));
  return (await read(api('GET', `/contacts/v3/import/${body.importId}`))).body;
}

describe('mock Dotdigital: double opt-in through an import', () => {
  it('by default behaves like the single call: pendingOptIn and a confirmation email', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0 });
    const result = await importAndRead(api, [v3Contact('ann@example.com', DOUBLE)]);
    expect(result.created).toHaveLength(1);
    expect(mock.store.contacts.get('ann@example.com')).toMatchObject({ status: 'PendingOptIn', optInType: 'Double' });
    expect(mock.store.outbox.map((email) => email.to)).toEqual(['ann@example.com']);
    expect((await read(api('GET', '/contacts/v3/email/ann@example.com'))).body.channelProperties.email.status).toBe('pendingOptIn');
    await mock.fetch(mock.store.outbox[0]!.link);
    expect(mock.store.contacts.get('ann@example.com')!.status).toBe('Subscribed');
  });

  it('with importsSendOptInEmail: false, a verifiedDouble contact ends subscribed and no email is sent', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0, importsSendOptInEmail: false });
    await importAndRead(api, [v3Contact('ann@example.com', DOUBLE)]);
    const { body } = await read(api('GET', '/contacts/v3/email/ann@example.com'));
    expect(body.channelProperties.email).toMatchObject({ status: 'subscribed', optInType: 'verifiedDouble' });
    expect(mock.store.outbox).toEqual([]);
  });

  it('an account that forces double opt-in sends the email for imports too', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0, importsSendOptInEmail: false, forceDoubleOptIn: true });
    await importAndRead(api, [v3Contact('ann@example.com')]);
    expect([mock.store.contacts.get('ann@example.com')!.status, mock.store.outbox.length]).toEqual(['PendingOptIn', 1]);
  });
});

describe('mock Dotdigital: injected import faults', () => {
  it('rejects the next import whole as RejectedByWatchdog, applying none of it', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0, faults: [{ importStatus: 'RejectedByWatchdog' }] });
    const result = await importAndRead(api, [v3Contact('ann@example.com')]);
    expect(result).toMatchObject({ status: 'RejectedByWatchdog', created: [], updated: [] });
    expect(mock.store.contacts.size).toBe(0);
    expect((await importAndRead(api, [v3Contact('ann@example.com')])).status).toBe('Finished');
  });

  it('creates a contact but lists it as consentRecordsNotApplied, its consent not stored', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0 });
    mock.inject({ contactFailure: 'consentRecordsNotApplied', match: /^bob@/ });
    const result = await importAndRead(api, [v3Contact('ann@example.com'), v3Contact('bob@example.com')]);
    expect(result.created.map((c: any) => c.identifiers.email)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(result.failures).toEqual([{ matchIdentifier: 'email', identifiers: { email: 'bob@example.com' }, failures: [{ failureCode: 'consentRecordsNotApplied', description: expect.any(String) }] }]);
    expect(mock.store.contacts.get('bob@example.com')).toMatchObject({ status: 'Subscribed', consentRecords: [] });
    expect(mock.store.contacts.get('ann@example.com')!.consentRecords).toHaveLength(1);
  });

  it('arms both faults from its page, with no credentials, and shows them armed', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0 });
    const arm = (fault: string) => mock.fetch(`${BASE}/_mock/faults`, { method: 'POST', body: new URLSearchParams({ fault }) });
    expect((await arm('RejectedByWatchdog')).status).toBe(303);
    expect((await arm('consentRecordsNotApplied')).status).toBe(303);
    expect((await arm('bogus')).status).toBe(400);
    expect(await (await mock.fetch(`${BASE}/`)).text()).toContain('1 import(s) to be RejectedByWatchdog,\n1 contact(s) to be consentRecordsNotApplied');
    expect((await importAndRead(api, [v3Contact('ann@example.com')])).status).toBe('RejectedByWatchdog');
    expect((await importAndRead(api, [v3Contact('ann@example.com')])).failures[0].failures[0].failureCode).toBe('consentRecordsNotApplied');
  });
});

describe('mock Dotdigital: unsubscribed contacts in an import', () => {
  it('keep their status without resubscribeOptions, and are challenged with them (the email links back to the redirect URL)', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0 });
    mock.unsubscribe('ann@example.com');
    mock.unsubscribe('bob@example.com');
    const resubscribe = { channelProperties: { email: { status: 'subscribed', resubscribeOptions: { resubscribeWithNoChallenge: false, redirectUrlAfterChallenge: 'https://www.example.com/back' } } } };
    const result = await importAndRead(api, [v3Contact('ann@example.com'), v3Contact('bob@example.com', resubscribe)]);
    expect(result.updated.map((c: any) => c.identifiers.email)).toEqual(['ann@example.com', 'bob@example.com']);
    expect([mock.store.contacts.get('ann@example.com')!.status, mock.store.contacts.get('bob@example.com')!.status]).toEqual(['Unsubscribed', 'PendingOptIn']);
    expect(mock.store.outbox).toMatchObject([{ to: 'bob@example.com', kind: 'resubscribe', returnUrl: 'https://www.example.com/back' }]);
    expect(mock.store.contacts.get('bob@example.com')!.consentRecords).toHaveLength(1);
  });
});

describe('mock Dotdigital: imports on its page', () => {
  it('lists each import with its id, status and counts', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0 });
    const { body } = await read(api('PUT', '/contacts/v3/import', { contacts: [v3Contact('ann@example.com'), v3Contact('bad')] }));
    const page = await (await mock.fetch(`${BASE}/`)).text();
    expect(page).toContain('<h2>Imports (1)</h2>');
    expect(page).toMatch(new RegExp(`${body.importId}</code></td><td>[^<]+</td><td><span class="status Finished">Finished</span></td><td>2</td><td>1</td><td>0</td><td>1</td></tr>`));
  });
});
