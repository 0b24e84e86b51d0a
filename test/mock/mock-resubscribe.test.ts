import { describe, expect, it } from 'vitest';
import { BASE, clock, mockWith, read, refusal, signup } from '../support/mock-fixture.js';

const body = (email: string, extra: Record<string, unknown> = {}) => ({
  unsubscribedContact: { email, dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }] },
  preferredLocale: 'en-GB', returnUrlToUseIfChallenged: 'https://www.example.com/signup', ...extra,
});

async function unsubscribedAnn(options: Parameters<typeof mockWith>[0] = {}) {
  const fixture = mockWith(options);
  await fixture.api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com'));
  await fixture.api('POST', '/v2/contacts/unsubscribe', { email: 'ann@example.com' });
  return fixture;
}

describe('mock Dotdigital: POST /v2/contacts/resubscribe', () => {
  it('challenges: ContactChallenged, an email whose link resubscribes and redirects to returnUrlToUseIfChallenged', async () => {
    const { api, mock } = await unsubscribedAnn();
    const { status, body: answer } = await read(api('POST', '/v2/contacts/resubscribe', body('ann@example.com')));
    expect(status).toBe(200);
    expect(answer).toMatchObject({ status: 'ContactChallenged', contact: { email: 'ann@example.com', status: 'PendingOptIn' } });
    expect(answer.contact.dataFields).toContainEqual({ key: 'FIRSTNAME', value: 'Ann' });
    // Until the link is followed the contact is still out: the v2 writes keep refusing it.
    expect(await refusal(api('POST', '/v2/contacts/with-consent', signup('ann@example.com')))).toMatchObject({ status: 400, token: 'ERROR_CONTACT_SUPPRESSED' });
    const page = await (await mock.fetch(`${BASE}/`)).text();
    expect(page).toContain('resubscribe challenge sent, link not followed yet');
    expect(page).toContain('Confirm resubscription');
    const [email] = mock.store.outbox;
    expect(email).toMatchObject({ to: 'ann@example.com', kind: 'resubscribe', subject: 'Please confirm you want to subscribe again' });
    expect(email!.link).toMatch(/^http:\/\/127\.0\.0\.1:4999\/_mock\/confirm\//);
    const clicked = await mock.fetch(email!.link, { redirect: 'manual' });
    expect([clicked.status, clicked.headers.get('location')]).toEqual([303, 'https://www.example.com/signup']);
    expect(mock.store.contacts.get('ann@example.com')!.status).toBe('Subscribed');
    expect((await api('POST', '/v2/contacts/with-consent', signup('ann@example.com'))).status).toBe(201);
  });

  it('without a return URL the link shows the mock’s confirmation page', async () => {
    const { api, mock } = await unsubscribedAnn();
    await api('POST', '/v2/contacts/resubscribe', { unsubscribedContact: { email: 'ann@example.com' } });
    const page = await mock.fetch(mock.store.outbox[0]!.link);
    expect([page.status, (await page.text()).includes('Subscription confirmed')]).toEqual([200, true]);
  });

  it('the no-challenge call resubscribes at once: ContactAdded, no email', async () => {
    const { api, mock } = await unsubscribedAnn();
    const { body: answer } = await read(api('POST', '/v2/contacts/resubscribe-with-no-challenge', body('ann@example.com')));
    expect(answer).toMatchObject({ status: 'ContactAdded', contact: { status: 'Subscribed' } });
    expect(mock.store.outbox).toEqual([]);
  });

  it('the no-challenge call still challenges when the account forces double opt-in', async () => {
    const { api, mock } = await unsubscribedAnn({ forceDoubleOptIn: true });
    const outbox = mock.store.outbox.length;
    expect((await read(api('POST', '/v2/contacts/resubscribe-with-no-challenge', body('ann@example.com')))).body.status).toBe('ContactChallenged');
    expect(mock.store.outbox.length).toBe(outbox + 1);
  });

  it.each([['Suppressed'], ['HardBounced'], ['IspComplained']] as const)('a %s contact cannot come back: ContactCannotBeUnsuppressed, unchanged, no email', async (state) => {
    const { api, mock } = mockWith();
    mock.setStatus('gone@example.com', state);
    for (const path of ['/v2/contacts/resubscribe', '/v2/contacts/resubscribe-with-no-challenge']) {
      const { status, body: answer } = await read(api('POST', path, body('gone@example.com')));
      expect([status, answer.status, answer.contact.status]).toEqual([200, 'ContactCannotBeUnsuppressed', state]);
    }
    expect(mock.store.contacts.get('gone@example.com')!.dataFields.get('FIRSTNAME')).toBeUndefined();
    expect(mock.store.outbox).toEqual([]);
  });

  it('a contact already subscribed answers ContactAdded and stays subscribed', async () => {
    const { api } = mockWith();
    await api('POST', '/v2/contacts/with-consent', signup('bob@example.com'));
    expect((await read(api('POST', '/v2/contacts/resubscribe', body('bob@example.com')))).body).toMatchObject({ status: 'ContactAdded', contact: { status: 'Subscribed' } });
  });

  it('refuses an invalid address and unknown data fields as the v2 contact calls do', async () => {
    const { api } = mockWith();
    expect(await refusal(api('POST', '/v2/contacts/resubscribe', body('nope')))).toMatchObject({ status: 400, token: 'ERROR_PARAMETER_INVALID' });
    expect(await refusal(api('POST', '/v2/contacts/resubscribe', { unsubscribedContact: { email: 'a@example.com', dataFields: [{ key: 'NOPE', value: 1 }] } }))).toMatchObject({ token: 'ERROR_DATAFIELD_NOTFOUND' });
  });
});

describe('mock Dotdigital: the challenge limit', () => {
  it('sends at most 3 challenge emails per contact in 24 hours; later attempts answer the same, with no email', async () => {
    const time = clock();
    const { api, mock } = await unsubscribedAnn({ now: time.now });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await read(api('POST', '/v2/contacts/resubscribe', body('ann@example.com')))).body.status);
    expect(answers).toEqual(Array(5).fill('ContactChallenged'));
    expect(mock.store.outbox.filter((email) => email.kind === 'resubscribe')).toHaveLength(3);
    time.advance(24 * 3_600_000 + 1);
    await api('POST', '/v2/contacts/resubscribe', body('ann@example.com'));
    expect(mock.store.outbox.filter((email) => email.kind === 'resubscribe')).toHaveLength(4);
  });

  it('takes its limit from resubscribeChallengeLimit, counting each contact apart', async () => {
    const { api, mock } = mockWith({ resubscribeChallengeLimit: { max: 1, windowMs: 60_000 } });
    mock.unsubscribe('ann@example.com');
    mock.unsubscribe('bob@example.com');
    for (const email of ['ann@example.com', 'ann@example.com', 'bob@example.com']) await api('POST', '/v2/contacts/resubscribe', body(email));
    expect(mock.store.outbox.map((email) => email.to)).toEqual(['ann@example.com', 'bob@example.com']);
  });
});

describe('mock Dotdigital: POST /v2/address-books/{id}/contacts/resubscribe(-with-no-challenge)', () => {
  it('joins the address book once the challenge link is followed', async () => {
    const { api, mock } = await unsubscribedAnn();
    expect((await read(api('POST', '/v2/address-books/101/contacts/resubscribe', body('ann@example.com')))).body.status).toBe('ContactChallenged');
    expect([...mock.store.contacts.get('ann@example.com')!.addressBooks]).toEqual([]);
    await mock.fetch(mock.store.outbox.at(-1)!.link, { redirect: 'manual' });
    expect([...mock.store.contacts.get('ann@example.com')!.addressBooks]).toEqual([101]);
  });

  it('joins at once without a challenge, and refuses an unknown book', async () => {
    const { api, mock } = await unsubscribedAnn();
    expect((await read(api('POST', '/v2/address-books/102/contacts/resubscribe-with-no-challenge', body('ann@example.com')))).body.status).toBe('ContactAdded');
    expect([...mock.store.contacts.get('ann@example.com')!.addressBooks]).toEqual([102]);
    expect(await refusal(api('POST', '/v2/address-books/999/contacts/resubscribe', body('ann@example.com')))).toEqual({ status: 404, message: 'Error: ERROR_ADDRESSBOOK_NOT_FOUND', token: 'ERROR_ADDRESSBOOK_NOT_FOUND' });
  });
});

describe('mock Dotdigital: contact states a person sets from its page', () => {
  it('gives an address a status with the form on the page (seeding hard bounces, complaints, the suppression list)', async () => {
    const { api, mock } = mockWith();
    const seed = (email: string, status: string) => mock.fetch(`${BASE}/_mock/contacts`, { method: 'POST', body: new URLSearchParams({ email, status }) });
    expect((await seed('hb@example.com', 'HardBounced')).status).toBe(303);
    expect((await seed('hb@example.com', 'Deleted')).status).toBe(400);
    expect(mock.store.contacts.get('hb@example.com')!.status).toBe('HardBounced');
    expect(await refusal(api('POST', '/v2/contacts/with-consent', signup('hb@example.com')))).toMatchObject({ token: 'ERROR_CONTACT_SUPPRESSED' });
    const page = await (await mock.fetch(`${BASE}/`)).text();
    expect(page).toContain('<span class="status HardBounced">HardBounced</span>');
    expect(page).toContain('<form method="post" action="/_mock/contacts">');
  });

  it('seeds hard-bounced and complained contacts from options, again after reset()', async () => {
    const { mock } = mockWith({ hardBounced: ['hb@example.com'], complained: ['c@example.com'] });
    mock.reset();
    expect([mock.store.contacts.get('hb@example.com')!.status, mock.store.contacts.get('c@example.com')!.status]).toEqual(['HardBounced', 'IspComplained']);
  });

  it('an owner’s unsubscribe does not soften a suppression', async () => {
    const { api, mock } = mockWith({ suppressed: ['gone@example.com'] });
    await api('POST', '/v2/contacts/unsubscribe', { email: 'gone@example.com' });
    expect(mock.store.contacts.get('gone@example.com')!.status).toBe('Suppressed');
  });
});
