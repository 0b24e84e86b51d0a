import { describe, expect, it } from 'vitest';
import { buildContactBody, type ContactWrite } from '../../../src/server/dotdigital/build-contact-body.js';
import type { HeldContact } from '../../../src/server/dotdigital/dotdigital-types.js';
import { planSignup } from '../../../src/server/dotdigital/signup-plan.js';
import { demoPreferences } from '../../../src/mock/index.js';

const write = (more: Partial<ContactWrite> = {}): ContactWrite => ({
  email: 'ann@example.com', optInType: 'Single', dataFields: [{ key: 'FIRSTNAME', value: 'Mallory' }], consentText: 'Yes.', consentedAt: '2026-05-01T00:00:00.000Z',
  pageUrl: 'https://www.example.com/', ipAddress: '203.0.113.7', userAgent: 'UA', shown: new Set([2, 3]), ticked: new Set([2]), ...more,
});
const held = (status: string, more: Partial<HeldContact> = {}): HeldContact => ({ status, dataFields: { FIRSTNAME: 'Ann' }, optedIn: new Set([2, 5]), lists: [], ...more });

describe('planSignup: the one place that decides how a signup may change a contact', () => {
  it.each<[string, HeldContact | undefined, Partial<ContactWrite>, number | undefined, object]>([
    ['a new address (single)', undefined, {}, undefined, { step: 'create', sendsEmail: false, pending: false }],
    ['a new address (double)', undefined, { optInType: 'VerifiedDouble' }, undefined, { step: 'create', sendsEmail: true, pending: true }],
    ['a subscriber, nothing new (single)', held('subscribed'), {}, undefined, { step: 'leave', pending: false }],
    ['a subscriber, a new opt-in (single)', held('subscribed'), { ticked: new Set([3]) }, undefined, { step: 'update', sendsEmail: false, pending: false }],
    ['a subscriber, an empty field to fill (single)', held('subscribed', { dataFields: { FIRSTNAME: '' } }), {}, undefined, { step: 'update', pending: false }],
    ['a subscriber, not in the list (single)', held('subscribed'), {}, 101, { step: 'update', pending: false }],
    ['a subscriber whose opt-ins were not listed (single)', held('subscribed', { optedIn: undefined }), {}, undefined, { step: 'update' }],
    ['a subscriber, anything at all (double)', held('subscribed', { dataFields: {} }), { optInType: 'VerifiedDouble', ticked: new Set([3]) }, 101, { step: 'leave', pending: true }],
    ['one waiting for a confirmation', held('pendingOptIn'), {}, undefined, { step: 'update', sendsEmail: true, pending: true }],
    ['one who unsubscribed', held('unsubscribed'), {}, undefined, { step: 'resubscribe', sendsEmail: true, pending: true }],
    ['one on the suppression list', held('suppressed'), {}, undefined, { step: 'cannot_come_back', status: 'suppressed', pending: true }],
    ['one with a status never met', held('somethingNew'), {}, undefined, { step: 'cannot_come_back', pending: true }],
  ])('%s', (_name, contact, more, addressBookId, expected) => {
    expect(planSignup(contact, write(more), addressBookId)).toMatchObject(expected);
  });

  it('writes a subscriber\'s missing consent record when asked (an import applied the rest without it)', () => {
    expect(planSignup(held('subscribed'), write(), undefined, true)).toMatchObject({ step: 'update', sendsEmail: false });
  });
});

describe('buildContactBody: the v2 call opts out what it does not name, so it names everything', () => {
  it('ticked → in, every other preference as the contact holds it, filled fields left out, no optInType for a subscriber', () => {
    const body = buildContactBody(write({ ticked: new Set([3]), dataFields: [{ key: 'FIRSTNAME', value: 'Mallory' }, { key: 'LASTNAME', value: 'Smith' }] }), demoPreferences() as never, held('subscribed'));
    const opted = body.preferences.flatMap((p) => (p.isPreference ? [[p.id, p.isOptedIn]] : (p.preferences ?? []).map((c) => [c.id, c.isOptedIn])));
    expect(Object.fromEntries(opted)).toEqual({ 2: true, 3: true, 4: false, 5: true });
    expect(body.contact.dataFields).toEqual([{ key: 'LASTNAME', value: 'Smith' }]);
    expect(body.contact).not.toHaveProperty('optInType');
    expect(buildContactBody(write(), demoPreferences() as never, held('pendingOptIn')).contact.optInType).toBe('Single');
    expect(buildContactBody(write(), demoPreferences() as never).contact.dataFields).toEqual([{ key: 'FIRSTNAME', value: 'Mallory' }]);
  });
});
