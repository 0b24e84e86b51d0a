import { afterEach, describe, expect, it } from 'vitest';
import type { ContactWrite } from '../../../src/server/dotdigital/build-contact-body.js';
import { buildV3ContactBody } from '../../../src/server/dotdigital/build-v3-contact-body.js';
import { readErrorToken, v3ErrorKind } from '../../../src/server/dotdigital/dotdigital-api-error.js';
import { resubscribeOptionsFor, resubscribeResult, resubscribeStep } from '../../../src/server/dotdigital/returning-contact.js';
import { failure, transports, type Harness } from './client-fixture.js';

const write: ContactWrite = {
  email: 'ann@example.com', optInType: 'Single', dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }],
  consentText: 'Yes, send me the newsletter.', consentedAt: '2026-11-26T04:00:00.000Z', pageUrl: 'https://www.example.com/newsletter',
  ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0', shown: new Set([2, 3]), ticked: new Set([2]),
};

describe('the resubscribe decision (returning-contact.ts)', () => {
  it('brings back unsubscribed, still-challenged and meanwhile-subscribed contacts, and nobody else', () => {
    expect(['unsubscribed', 'pendingOptIn', 'subscribed', 'Unsubscribed'].map(resubscribeStep)).toEqual(['resubscribe', 'resubscribe', 'resubscribe', 'resubscribe']);
    expect(['suppressed', 'hardBounced', 'ispComplained', 'softBounced', 'somethingNew', undefined].map(resubscribeStep)).toEqual(Array(6).fill('cannot_come_back'));
  });

  it('always asks for a challenge, and leads back to the page they signed up on', () => {
    expect(resubscribeOptionsFor(write)).toEqual({ resubscribeWithNoChallenge: false, redirectUrlAfterChallenge: 'https://www.example.com/newsletter' });
  });

  it('reads the result from the status after the write', () => {
    expect(['pendingOptIn', 'subscribed', 'suppressed', 'unsubscribed'].map(resubscribeResult)).toEqual(['challenged', 'added', 'cannot_come_back', 'cannot_come_back']);
  });

  it('builds one v3 body with consent, ticked preferences only (none opted out), data fields, list and resubscribeOptions', () => {
    expect(buildV3ContactBody(write, 101)).toEqual({
      identifiers: { email: 'ann@example.com' },
      dataFields: { FIRSTNAME: 'Ann' },
      channelProperties: { email: { status: 'subscribed', emailType: 'html', optInType: 'single', resubscribeOptions: resubscribeOptionsFor(write) } },
      lists: [101],
      preferences: [{ id: 2, isOptedIn: true }],
      consentRecords: [{ text: 'Yes, send me the newsletter.', dateTimeConsented: '2026-11-26T04:00:00.000Z', url: 'https://www.example.com/newsletter', ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0' }],
    });
    const unknownIp = buildV3ContactBody({ ...write, ipAddress: undefined, optInType: 'VerifiedDouble' }, undefined);
    expect([unknownIp.consentRecords, unknownIp.lists, unknownIp.channelProperties.email.optInType]).toEqual([undefined, undefined, 'verifiedDouble']);
    expect(buildV3ContactBody({ ...write, userAgent: ' ' }, undefined).consentRecords).toBeUndefined();
  });

  it('reads v3 errors by their code and the item they name, never their prose', () => {
    expect(readErrorToken({ errorCode: 'contacts:validationError', description: 'x' })).toBe('contacts:validationError');
    expect(v3ErrorKind(400, { errorCode: 'contacts:validationError', details: [{ item: 'lists[0]', description: 'List 9 does not exist.' }] })).toBe('unknown_address_book');
    expect(v3ErrorKind(400, { details: [{ item: 'preferences[1].id' }] })).toBe('unknown_preference');
    expect(v3ErrorKind(400, { details: [{ item: 'identifiers.email' }] })).toBe('invalid_email');
    expect([v3ErrorKind(400, { details: [{ item: 'merge-option' }] }), v3ErrorKind(429, { details: [{ item: 'lists' }] }), v3ErrorKind(400, { message: 'x' })]).toEqual([undefined, undefined, undefined]);
  });
});

describe.each(transports)('the v3 client calls against the mock, $name', ({ start }) => {
  const open: Harness[] = [];
  afterEach(async () => void (await Promise.all(open.splice(0).map((harness) => harness.close()))));

  it('reads a contact\'s status (undefined when there is none) and resubscribes with one PATCH', async () => {
    const harness = await start();
    open.push(harness);
    const { client, mock } = harness;
    expect(await client.getContactStatus('ann@example.com')).toBeUndefined();
    mock.unsubscribe('ann@example.com');
    expect(await client.getContactStatus('ann@example.com')).toBe('unsubscribed');
    expect(await client.upsertContact(buildV3ContactBody(write, 101))).toEqual({ status: 'pendingOptIn' });
    expect(mock.store.outbox).toEqual([expect.objectContaining({ to: 'ann@example.com', kind: 'resubscribe', returnUrl: write.pageUrl })]);
    const refused = await failure(client.upsertContact(buildV3ContactBody(write, 999)));
    expect([refused.status, refused.token, refused.kind]).toEqual([400, 'contacts:validationError', 'unknown_address_book']);
  });
});
