import { describe, expect, it } from 'vitest';
import { clock, CONSENT_V3, mockWith, read, refusal, signup, v3Contact } from '../support/mock-fixture.js';

const patch = (api: ReturnType<typeof mockWith>['api'], email: string, body: unknown) => read(api('PATCH', `/contacts/v3/email/${encodeURIComponent(email)}?merge-option=overwrite`, body));
const RESUBSCRIBE = (noChallenge: boolean) => ({
  channelProperties: { email: { status: 'subscribed', optInType: 'single', resubscribeOptions: { resubscribeWithNoChallenge: noChallenge, preferredLocale: 'en-GB', redirectUrlAfterChallenge: 'https://www.example.com/thanks' } } },
  preferences: [{ id: 3, isOptedIn: true }],
});

describe('mock Dotdigital: PATCH /contacts/v3/email/{email} (upsert)', () => {
  it('answers 201 when it creates and 200 when it updates, in the v3 contact shape', async () => {
    const { api } = mockWith();
    const created = await patch(api, 'ann@example.com', { dataFields: { FIRSTNAME: 'Ann' }, lists: [101], preferences: [{ id: 2, isOptedIn: true }], consentRecords: [CONSENT_V3] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      contactId: 1, status: 'subscribed', identifiers: { email: 'ann@example.com' },
      dataFields: { FIRSTNAME: 'Ann', LASTNAME: null, LASTSUBSCRIBED: expect.any(String) },
      channelProperties: { email: { status: 'subscribed', emailType: 'html', optInType: 'unknown' } },
      lists: [{ id: 101, name: 'Newsletter signups' }], consentRecords: [CONSENT_V3],
    });
    expect(created.body.preferences).toContainEqual({ id: 2, isOptedIn: true });
    const updated = await patch(api, 'ANN@example.com', { preferences: [{ id: 5, isOptedIn: true }] });
    expect(updated.status).toBe(200);
    expect(updated.body.preferences.filter((p: any) => p.isOptedIn).map((p: any) => p.id)).toEqual([2, 5]);
    expect((await read(api('GET', '/contacts/v3/email/ann@example.com'))).body.contactId).toBe(1);
    expect(await read(api('GET', '/contacts/v3/email/nobody@example.com'))).toMatchObject({ status: 404, body: { errorCode: 'contacts:contactNotFound' } });
  });

  it('keeps the data fields a contact has with merge-option=overwriteIfEmpty, filling only empty ones; names preferences to opt in alone', async () => {
    const { api } = mockWith();
    await patch(api, 'ann@example.com', { dataFields: { FIRSTNAME: 'Ann' }, preferences: [{ id: 2, isOptedIn: true }, { id: 5, isOptedIn: true }] });
    const again = await read(api('PATCH', '/contacts/v3/email/ann%40example.com?merge-option=overwriteIfEmpty', { dataFields: { FIRSTNAME: 'Mallory', LASTNAME: 'Smith' }, preferences: [{ id: 3, isOptedIn: true }] }));
    expect(again.body.dataFields).toMatchObject({ FIRSTNAME: 'Ann', LASTNAME: 'Smith' });
    expect(again.body.preferences.filter((p: any) => p.isOptedIn).map((p: any) => p.id)).toEqual([2, 3, 5]);
    const empty = await read(api('PATCH', '/contacts/v3/email/ann%40example.com?merge-option=overwriteIfNotEmpty', { dataFields: { FIRSTNAME: '' } }));
    expect(empty.body.dataFields.FIRSTNAME).toBe('Ann');
  });

  it('writes a suppressed contact but leaves it suppressed (v3 does not refuse)', async () => {
    const { api, mock } = mockWith({ suppressed: ['gone@example.com'] });
    const { status, body } = await patch(api, 'gone@example.com', { ...v3Contact('gone@example.com'), dataFields: { FIRSTNAME: 'G' } });
    expect([status, body.status, body.dataFields.FIRSTNAME]).toEqual([200, 'suppressed', 'G']);
    expect(mock.store.outbox).toEqual([]);
  });

  it('keeps an unsubscribed contact unsubscribed unless resubscribeOptions ask', async () => {
    const { api, mock } = mockWith();
    mock.unsubscribe('ann@example.com');
    expect((await patch(api, 'ann@example.com', v3Contact('ann@example.com'))).body.status).toBe('unsubscribed');
    expect(mock.store.outbox).toEqual([]);
  });

  it('resubscribes at once with resubscribeWithNoChallenge, storing the new consent and preferences', async () => {
    const { api, mock } = mockWith();
    mock.unsubscribe('ann@example.com');
    const { body } = await patch(api, 'ann@example.com', { ...v3Contact('ann@example.com'), ...RESUBSCRIBE(true) });
    expect(body).toMatchObject({ status: 'subscribed', consentRecords: [CONSENT_V3] });
    expect(body.preferences).toContainEqual({ id: 3, isOptedIn: true });
    expect(mock.store.outbox).toEqual([]);
  });

  it('challenges with resubscribeWithNoChallenge: false — pendingOptIn, an email whose link resubscribes and redirects', async () => {
    const { api, mock } = mockWith();
    mock.unsubscribe('ann@example.com');
    const { body } = await patch(api, 'ann@example.com', { ...v3Contact('ann@example.com'), ...RESUBSCRIBE(false) });
    expect(body).toMatchObject({ status: 'pendingOptIn', consentRecords: [CONSENT_V3] });
    expect(await refusal(api('POST', '/v2/contacts/with-consent', signup('ann@example.com')))).toMatchObject({ token: 'ERROR_CONTACT_SUPPRESSED' });
    const [email] = mock.store.outbox;
    expect(email).toMatchObject({ to: 'ann@example.com', kind: 'resubscribe', returnUrl: 'https://www.example.com/thanks' });
    const clicked = await mock.fetch(email!.link, { redirect: 'manual' });
    expect([clicked.status, clicked.headers.get('location')]).toEqual([303, 'https://www.example.com/thanks']);
    expect((await read(api('GET', '/contacts/v3/email/ann@example.com'))).body.status).toBe('subscribed');
  });

  it('sends verifiedDouble signups a confirmation email, as the single v2 call does', async () => {
    const { api, mock } = mockWith();
    const { body } = await patch(api, 'bob@example.com', v3Contact('bob@example.com', { channelProperties: { email: { optInType: 'verifiedDouble' } } }));
    expect([body.status, mock.store.outbox.length]).toEqual(['pendingOptIn', 1]);
  });
});

describe('mock Dotdigital: v2 and v3 share one per-minute limit', () => {
  it('counts every call, whatever its version, with X-RateLimit-* headers on v3 answers', async () => {
    const time = clock();
    const { api } = mockWith({ rateLimit: { perMinute: 3 }, now: time.now, importProcessingMs: 0 });
    const first = await api('PUT', '/contacts/v3/import', { contacts: [v3Contact('ann@example.com')] });
    expect([first.status, first.headers.get('x-ratelimit-remaining'), first.headers.get('x-ratelimit-limit')]).toEqual([202, '2', '3']);
    expect((await api('GET', '/v2/preferences')).headers.get('x-ratelimit-remaining')).toBe('1');
    const { importId } = (await first.json()) as { importId: string };
    expect((await api('GET', `/contacts/v3/import/${importId}`)).headers.get('x-ratelimit-remaining')).toBe('0');
    const over = await read(api('GET', `/contacts/v3/import/${importId}`));
    expect(over).toMatchObject({ status: 429, body: { errorCode: 'rateLimitExceeded', description: expect.any(String) } });
    expect(over.headers.get('x-ratelimit-reset')).toBe('60');
    expect((await api('GET', '/v2/data-fields')).status).toBe(429);
    time.advance(60_000);
    expect((await api('GET', `/contacts/v3/import/${importId}`)).status).toBe(200);
  });
});
