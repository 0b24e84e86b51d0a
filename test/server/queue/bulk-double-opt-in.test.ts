import { describe, expect, it } from 'vitest';
import { CONTACT_WRITE } from '../../support/proxy-fixture.js';
import { backlogProxy, IMPORT } from './bulk-fixture.js';

const emails = (n: number) => Array.from({ length: n }, (_, i) => `d${i}@example.com`);

// Dotdigital's docs disagree whether an import sends the double opt-in email; the mock plays
// both (`importsSendOptInEmail`). Whatever the account does, nobody may end up subscribed
// without having been sent the confirmation email.
describe('bulk delivery of double opt-in signups', () => {
  it.each([false, true])('keeps the single call by default (mock importsSendOptInEmail: %s): every contact pending, every email sent', async (importsSendOptInEmail) => {
    const p = await backlogProxy({ optInType: 'VerifiedDouble' }, { importsSendOptInEmail });
    for (const email of emails(25)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 25, dropped: 0, postponed: 0 });
    expect(p.calls(IMPORT)).toBe(0);
    expect(p.calls(CONTACT_WRITE)).toBe(25);
    expect(emails(25).map((email) => p.mock.store.contacts.get(email)!.status)).toEqual(Array(25).fill('PendingOptIn'));
    expect(new Set(p.mock.store.outbox.map((mail) => mail.to))).toEqual(new Set(emails(25)));
  });

  it('doubleOptInImports on an account whose imports send the email: one probe is read back pendingOptIn, then imports carry them all', async () => {
    const p = await backlogProxy({ optInType: 'VerifiedDouble', queueDelivery: { doubleOptInImports: true } }, { importsSendOptInEmail: true });
    for (const email of emails(25)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 25, dropped: 0, postponed: 0, imported: 1 });
    // Each contact is read first: the probe before its import (a subscribed one would be left alone)
    // and after it (pendingOptIn?), the other 24 by the single call.
    expect(p.calls(/^\/contacts\/v3\/email\//)).toBe(26);
    p.down();
    for (const email of emails(25).map((e) => `later-${e}`)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 25, dropped: 0, postponed: 0, imported: 25 });
    expect(p.calls(CONTACT_WRITE)).toBe(0);
    expect([...p.mock.store.contacts.values()].map((c) => c.status)).toEqual(Array(50).fill('PendingOptIn'));
    expect(p.mock.store.outbox).toHaveLength(50);
  });

  it('doubleOptInImports on an account whose imports do not send it: the probe finds out, the error is logged, the rest keep the single call', async () => {
    const p = await backlogProxy({ optInType: 'VerifiedDouble', queueDelivery: { doubleOptInImports: true } }, { importsSendOptInEmail: false });
    for (const email of emails(25)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 25, dropped: 0, postponed: 0, imported: 1 });
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('doubleOptInImports is set, but') }));
    // The one probe is the price of the wrong option; everyone else got the email.
    expect(p.mock.store.outbox).toHaveLength(24);
    p.down();
    for (const email of emails(25).map((e) => `later-${e}`)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 25, dropped: 0, postponed: 0 });
    expect(p.mock.store.imports).toHaveLength(1);
    expect(p.mock.store.outbox).toHaveLength(49);
  });

  it('a single opt-in backlog mixed with double opt-in entries: the single ones are imported, the double ones go one call each', async () => {
    const p = await backlogProxy();
    for (const email of emails(20)) await p.signUp(email);
    const double = p.another({ optInType: 'VerifiedDouble' });
    const consent = (await (await double(new Request('https://www.example.com/api/signup'))).json()) as { consent: { text: string; version: string } };
    const body = { email: 'late@example.com', preferences: [2], consent: { ...consent.consent, consentedAt: new Date().toISOString(), pageUrl: 'https://www.example.com/signup' } };
    const answer = await double(new Request('https://www.example.com/api/signup', { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'Vitest/1.0', origin: 'https://www.example.com' }, body: JSON.stringify(body) }), { clientAddress: '203.0.113.9' });
    expect(answer.status).toBe(202);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 21, dropped: 0, postponed: 0, imported: 20 });
    expect(p.mock.store.contacts.get('late@example.com')!.status).toBe('PendingOptIn');
    expect(p.mock.store.outbox.map((mail) => mail.to)).toEqual(['late@example.com']);
  });
});
