import { describe, expect, it } from 'vitest';
import type { MockContact } from '../../src/mock/index.js';
import { createMemorySignupQueue } from '../../src/server/index.js';
import { captureLogger, CONSENT_TEXT, consentFor, HOUR, post, proxyInOutage, storedContact } from '../support/proxy-fixture.js';

// Every call about a contact (v2 and v3), not the form definition's.
const CONTACT_CALLS = /\/contacts\//;
import { PAGE_URL, proxyKnowing, seen, signUpAgain, v3Calls, VISITOR_IP } from './returning-fixture.js';

const CANNOT_COME_BACK: Array<MockContact['status']> = ['Suppressed', 'HardBounced', 'IspComplained'];

describe('contacts who cannot come back', () => {
  it.each(CANNOT_COME_BACK)('%s: nothing written or sent, logged by reference with the reason, answered pending_confirmation', async (state) => {
    const logger = captureLogger();
    const proxy = proxyKnowing('gone@example.com', state, { logger });
    expect(await seen(await signUpAgain(proxy.handler, 'gone@example.com'))).toMatchObject({ status: 202, body: '{"status":"pending_confirmation"}' });
    const contact = proxy.mock.store.contacts.get('gone@example.com')!;
    expect([contact.status, contact.consentRecords, contact.dataFields.get('FIRSTNAME'), proxy.mock.store.outbox]).toEqual([state, [], 'Annie', []]);
    expect(v3Calls(proxy)).toEqual(['GET /contacts/v3/email/gone%40example.com']); // read, never written
    const reason = state[0]!.toLowerCase() + state.slice(1);
    expect(logger.lines).toContainEqual({ level: 'info', message: expect.stringMatching(/cannot come back.*ContactCannotBeUnsuppressed/), details: { contact: expect.stringMatching(/^e:[0-9a-f]{16}$/), reason } });
    expect(logger.text()).not.toContain('gone@example.com');
  });
});

describe('privacy: every contact who left gets byte-identical answers', () => {
  it('suppressed, hard-bounced, complained, unsubscribed-and-challenged and challenge-limited addresses cannot be told apart', async () => {
    const answers = [];
    for (const state of [...CANNOT_COME_BACK, 'Unsubscribed'] as const) {
      const proxy = proxyKnowing('someone@example.com', state);
      answers.push(await seen(await signUpAgain(proxy.handler, 'someone@example.com')));
    }
    const limited = proxyKnowing('someone@example.com', 'Unsubscribed');
    for (let attempt = 0; attempt < 3; attempt++) await signUpAgain(limited.handler, 'someone@example.com');
    expect(limited.mock.store.outbox).toHaveLength(3);
    answers.push(await seen(await signUpAgain(limited.handler, 'someone@example.com')));
    expect(limited.mock.store.outbox).toHaveLength(3); // the limit held: no fourth email
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    // With double opt-in a new address gets that answer too; with single opt-in it gets 201 (README, Security notes).
    for (const [optInType, expected] of [['VerifiedDouble', answers[0]!.status], ['Single', 201]] as const) {
      const fresh = proxyKnowing('other@example.com', 'Subscribed', { optInType });
      const answer = await seen(await signUpAgain(fresh.handler, 'new@example.com'));
      expect(answer.status).toBe(expected);
      if (optInType === 'VerifiedDouble') expect(answer).toEqual(answers[0]);
    }
  });

  it('a visitor signing up again and again while a challenge waits triggers no email beyond Dotdigital\'s limit, and the answer never changes', async () => {
    const proxy = proxyKnowing('ann@example.com', 'Unsubscribed');
    const answers = [];
    for (let attempt = 0; attempt < 8; attempt++) answers.push(await seen(await signUpAgain(proxy.handler, 'ann@example.com')));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(proxy.mock.store.outbox.map((email) => email.kind)).toEqual(['resubscribe', 'resubscribe', 'resubscribe']);
    // Any of the links still brings them back.
    await proxy.mock.fetch(proxy.mock.store.outbox[0]!.link);
    expect(proxy.mock.store.contacts.get('ann@example.com')!.status).toBe('Subscribed');
  });
});

describe('a returning subscriber queued while Dotdigital was down', () => {
  it('is resubscribed at delivery with the consent record captured when they signed up', async () => {
    const queue = createMemorySignupQueue();
    const p = proxyInOutage({ queue, preferences: [1] }, CONTACT_CALLS); // the form shows 2 and 3, not 5
    await consentFor(p.handler);
    p.mock.store.contacts.set('ann@example.com', storedContact('ann@example.com', [3, 5]));
    p.mock.unsubscribe('ann@example.com');
    const consentedAt = new Date(p.clock.now() - 5_000).toISOString();
    const consent = { ...(await consentFor(p.handler)), consentedAt, pageUrl: PAGE_URL };
    const response = await p.handler(post({ email: 'ann@example.com', preferences: [2], consent }, { 'user-agent': 'Mozilla/5.0 (Queued)' }), { clientAddress: VISITOR_IP });
    expect([response.status, await response.json()]).toEqual([202, { status: 'queued' }]);

    p.recover();
    p.clock.time += HOUR;
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 1, dropped: 0, postponed: 0 });
    const contact = p.mock.store.contacts.get('ann@example.com')!;
    expect(contact.status).toBe('PendingOptIn');
    expect(contact.consentRecords.map((record) => record.fields)).toEqual([
      { TEXT: CONSENT_TEXT, DATETIMECONSENTED: consentedAt, URL: PAGE_URL, IPADDRESS: VISITOR_IP, USERAGENT: 'Mozilla/5.0 (Queued)' },
    ]);
    expect([...contact.optedIn].sort()).toEqual([2, 3, 5]); // 2 ticked; 3 shown and not ticked, 5 not shown: both kept
    expect(p.mock.store.outbox).toEqual([expect.objectContaining({ to: 'ann@example.com', kind: 'resubscribe', returnUrl: PAGE_URL })]);
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ message: 'Delivered a queued signup', details: expect.objectContaining({ status: 'pendingOptIn' }) }));
    expect(queue.size).toBe(0);
  });
});
