import { describe, expect, it } from 'vitest';
import { ADDRESS_BOOK_ID, captureLogger, CONSENT_TEXT, ENDPOINT, optedIn, post, status } from '../support/proxy-fixture.js';
import { PAGE_URL, proxyKnowing, seen, signUpAgain, v3Calls, VISITOR_IP, VISITOR_UA } from './returning-fixture.js';

const PENDING = { status: 202, body: '{"status":"pending_confirmation"}' };

describe('a contact who unsubscribed and signs up again', () => {
  it('is asked to confirm by email, answered 202 pending_confirmation, and is subscribed with the new consent record once the link is followed', async () => {
    const logger = captureLogger();
    const proxy = proxyKnowing('ann@example.com', 'Unsubscribed', { logger, fields: [{ name: 'FIRSTNAME', label: 'First name' }] });
    const response = await signUpAgain(proxy.handler, 'ann@example.com', [2], { FIRSTNAME: 'Ann' });
    expect(await seen(response)).toMatchObject(PENDING);

    const contact = proxy.mock.store.contacts.get('ann@example.com')!;
    expect(contact.status).toBe('PendingOptIn');
    expect(contact.dataFields.get('FIRSTNAME')).toBe('Annie'); // filled already: kept (merge option overwriteIfEmpty)
    expect(contact.consentRecords.map((record) => record.fields)).toEqual([
      { TEXT: CONSENT_TEXT, DATETIMECONSENTED: expect.any(String), URL: PAGE_URL, IPADDRESS: VISITOR_IP, USERAGENT: VISITOR_UA },
    ]);
    expect(proxy.mock.store.outbox).toEqual([expect.objectContaining({ to: 'ann@example.com', kind: 'resubscribe', returnUrl: PAGE_URL })]);
    // v3 reads their status (no v2 write: it would refuse them), then one PATCH carries consent, preferences and resubscribeOptions.
    expect(v3Calls(proxy)).toEqual(['GET /contacts/v3/email/ann%40example.com', 'PATCH /contacts/v3/email/ann%40example.com']);
    const patch = (await proxy.writes().find((r) => r.method === 'PATCH')!.json()) as { channelProperties: unknown };
    expect(patch.channelProperties).toEqual({ email: { status: 'subscribed', emailType: 'html', optInType: 'single', resubscribeOptions: { resubscribeWithNoChallenge: false, redirectUrlAfterChallenge: PAGE_URL } } });

    const followed = await proxy.mock.fetch(proxy.mock.store.outbox[0]!.link);
    expect([followed.status, followed.headers.get('location')]).toEqual([303, PAGE_URL]);
    expect(contact.status).toBe('Subscribed');
    expect(logger.lines.map((line) => line.message)).toEqual([
      expect.stringMatching(/unsubscribed or suppressed: asking Dotdigital to resubscribe/),
      'Returning subscriber: Dotdigital asked them to confirm by email',
    ]);
    expect(logger.text()).not.toContain('ann@example.com');
  });

  it('opts them out of nothing: ticked → in, every other preference as it was', async () => {
    // The form shows the Newsletters category (2, 3); 4 is private and 5 not chosen for this form.
    const proxy = proxyKnowing('ann@example.com', 'Unsubscribed', { preferences: [1] }, [3, 4, 5]);
    expect(await seen(await signUpAgain(proxy.handler, 'ann@example.com', [2]))).toMatchObject(PENDING);
    expect(optedIn(proxy.mock.store.contacts.get('ann@example.com'))).toEqual([2, 3, 4, 5]);
    const patch = (await proxy.writes().find((r) => r.method === 'PATCH')!.json()) as { preferences: unknown };
    expect(patch.preferences).toEqual([{ id: 2, isOptedIn: true }]);
    expect(new URL(proxy.writes().find((r) => r.method === 'PATCH')!.url).searchParams.get('merge-option')).toBe('overwriteIfEmpty');
  });

  it('joins the configured address book in the same call (v3 lists), and gets there even when addressBookId is wrong', async () => {
    const proxy = proxyKnowing('ann@example.com', 'Unsubscribed', { addressBookId: ADDRESS_BOOK_ID });
    expect(await seen(await signUpAgain(proxy.handler, 'ann@example.com'))).toMatchObject(PENDING);
    expect([...proxy.mock.store.contacts.get('ann@example.com')!.addressBooks]).toEqual([ADDRESS_BOOK_ID]);
    expect(((await proxy.writes().find((r) => r.method === 'PATCH')!.json()) as { lists: number[] }).lists).toEqual([ADDRESS_BOOK_ID]);

    const logger = captureLogger();
    const wrong = proxyKnowing('ann@example.com', 'Unsubscribed', { addressBookId: 12345, logger });
    expect(await seen(await signUpAgain(wrong.handler, 'ann@example.com'))).toMatchObject(PENDING);
    expect(wrong.mock.store.contacts.get('ann@example.com')!.status).toBe('PendingOptIn');
    expect(wrong.mock.store.outbox).toHaveLength(1);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/Address book 12345 does not exist.*fix addressBookId/) }));
  });

  it('is resubscribed at once (ContactAdded) when they confirmed in the meantime, with the same answer and the new consent record', async () => {
    // The v2 write still saw them unsubscribed; by the v3 read they are subscribed again.
    const proxy = proxyKnowing('ann@example.com', 'Subscribed');
    proxy.faults.push({ path: /with-consent/, answer: status(400, { message: 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED' }) });
    expect(await seen(await signUpAgain(proxy.handler, 'ann@example.com', [2, 5]))).toMatchObject(PENDING);
    const contact = proxy.mock.store.contacts.get('ann@example.com')!;
    expect([contact.status, optedIn(contact), contact.consentRecords.length, proxy.mock.store.outbox.length]).toEqual(['Subscribed', [2, 3, 5], 1, 0]);
  });

  it('has no consent record stored when the visitor\'s IP address is unknown (v3 takes only whole records), and says so in the log', async () => {
    const logger = captureLogger();
    const proxy = proxyKnowing('ann@example.com', 'Unsubscribed', { logger });
    const consent = (await (await proxy.handler(new Request(ENDPOINT))).json()) as { consent: { text: string; version: string } };
    const response = await proxy.handler(post({ email: 'ann@example.com', consent: { ...consent.consent, consentedAt: new Date().toISOString(), pageUrl: PAGE_URL } }));
    expect(await seen(response)).toMatchObject(PENDING);
    expect(proxy.mock.store.contacts.get('ann@example.com')!.consentRecords).toEqual([]);
    expect(proxy.mock.store.outbox).toHaveLength(1);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringMatching(/without a consent record/) }));
  });
});
