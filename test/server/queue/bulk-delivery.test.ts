import { describe, expect, it } from 'vitest';
import { storedContact, optedIn, CONTACT_WRITE, SITE } from '../../support/proxy-fixture.js';
import { backlogProxy, IMPORT } from './bulk-fixture.js';

const emails = (n: number, prefix = 'v') => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

describe('bulk delivery of a backlog', () => {
  it('delivers a backlog of 300 signups in one import: 1 PUT and a few status polls, each contact with its consent record', async () => {
    const p = await backlogProxy();
    for (const email of emails(300)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 300, dropped: 0, postponed: 0, imported: 300 });
    expect(p.calls()).toBe(3); // PUT, then polls at +1 s (not yet) and +3 s (finished)
    expect(p.calls(CONTACT_WRITE)).toBe(0);
    expect(p.mock.store.imports).toHaveLength(1);
    expect(p.queue.size).toBe(0);
    const contact = p.mock.store.contacts.get('v7@example.com')!;
    expect(contact.status).toBe('Subscribed');
    expect(contact.consentRecords).toHaveLength(1);
    expect(contact.consentRecords[0]!.fields).toMatchObject({ URL: `${SITE}/signup`, IPADDRESS: '203.0.113.9', USERAGENT: 'Vitest/1.0' });
    expect(optedIn(contact)).toEqual([2]);
  });

  it('splits a backlog into importBatchSize imports', async () => {
    const p = await backlogProxy({ queueDelivery: { importBatchSize: 100 } });
    for (const email of emails(250)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 250, imported: 250 });
    expect(p.mock.store.imports.map((i) => i.size)).toEqual([100, 100, 50]);
    expect(p.calls()).toBeLessThanOrEqual(3 + 3 * 2);
  });

  it('keeps the single call for a backlog under bulkThreshold', async () => {
    const p = await backlogProxy();
    for (const email of emails(19)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 19, dropped: 0, postponed: 0 });
    expect(p.calls(IMPORT)).toBe(0);
    expect(p.calls(CONTACT_WRITE)).toBe(19);
  });

  it('dedupes by email: the latest signup wins, the older one is removed as superseded', async () => {
    const p = await backlogProxy();
    for (const email of emails(24)) await p.signUp(email);
    await p.signUp('v3@example.com', { preferences: [3, 5] }); // changed their mind
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 24, dropped: 0, postponed: 0, imported: 24, superseded: 1 });
    expect(p.mock.store.imports[0]!.size).toBe(24);
    expect(p.mock.store.imports[0]!.failures).toEqual([]);
    expect(optedIn(p.mock.store.contacts.get('v3@example.com'))).toEqual([3, 5]);
  });

  it('opts nobody out and overwrites no filled field, and resubscribes an unsubscribed contact with the confirmation email', async () => {
    const p = await backlogProxy({ preferences: [1] }); // the form shows 2 and 3 only
    p.mock.store.contacts.set('v1@example.com', storedContact('v1@example.com', [3, 4, 5], { id: 901, dataFields: new Map([['FIRSTNAME', 'Vera']]) }));
    p.mock.store.contacts.set('v2@example.com', storedContact('v2@example.com', [], { id: 902, status: 'Unsubscribed' }));
    for (const email of emails(20)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 20, imported: 20 });
    expect(optedIn(p.mock.store.contacts.get('v1@example.com'))).toEqual([2, 3, 4, 5]); // 2 ticked: in; 3 (shown, not ticked), 4, 5 kept
    expect(p.mock.store.imports[0]!.mergeOption).toBe('overwriteIfEmpty');
    const back = p.mock.store.contacts.get('v2@example.com')!;
    expect(back.status).toBe('PendingOptIn');
    expect(p.mock.store.outbox.filter((mail) => mail.to === 'v2@example.com')).toEqual([expect.objectContaining({ kind: 'resubscribe', returnUrl: `${SITE}/signup` })]);
  });
});
