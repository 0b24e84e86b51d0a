import { describe, expect, it } from 'vitest';
import { createMemorySignupQueue } from '../../../src/server/index.js';
import { AUTH } from '../../support/mock-fixture.js';
import { CONTACT_WRITE, storedContact } from '../../support/proxy-fixture.js';
import { backlogProxy, diesAfterMark, IMPORT } from './bulk-fixture.js';

const emails = (n: number) => Array.from({ length: n }, (_, i) => `v${i}@example.com`);
const withConsent = (p: Awaited<ReturnType<typeof backlogProxy>>, email: string) => p.mock.store.contacts.get(email)?.consentRecords.length;

describe('bulk delivery: what an import reports', () => {
  it('repairs consentRecordsNotApplied through the single call, and counts the contact only then', async () => {
    const p = await backlogProxy();
    for (const email of emails(20)) await p.signUp(email);
    p.mock.inject({ contactFailure: 'consentRecordsNotApplied', match: /^v4@/ });
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 20, dropped: 0, postponed: 0, imported: 19 });
    expect(p.calls(CONTACT_WRITE)).toBe(1);
    expect(withConsent(p, 'v4@example.com')).toBe(1); // the single call stored it
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ message: expect.stringContaining('without its consent record'), details: expect.objectContaining({ codes: ['consentRecordsNotApplied'] }) }));
  });

  it('drops a suppressed contact, logged by reference with the reason, never the address', async () => {
    const p = await backlogProxy();
    p.mock.store.contacts.set('v5@example.com', storedContact('v5@example.com', [], { id: 905, status: 'Suppressed' }));
    for (const email of emails(20)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 19, dropped: 1, postponed: 0, imported: 19 });
    const drop = p.logger.lines.find((line) => line.message.startsWith('Dropped'))!;
    expect(drop.details).toMatchObject({ contact: expect.stringMatching(/^e:[0-9a-f]{16}$/), kind: 'suppressed', codes: ['globallySuppressed'] });
    expect(p.logger.text()).not.toContain('v5@example.com');
  });

  it('drops an address the import refuses as invalidEmail (an entry the proxy took, Dotdigital did not)', async () => {
    const queue = createMemorySignupQueue();
    const p = await backlogProxy({}, {}, queue);
    for (const email of emails(20)) await p.signUp(email);
    // The proxy's own check and Dotdigital's differ at the edges: play one Dotdigital refuses.
    const [entry] = await queue.claim({ now: Number.MAX_SAFE_INTEGER, limit: 1, leaseMs: 1 });
    await queue.remove(entry!.id);
    await queue.add({ ...entry!, id: 'odd', contact: { ...entry!.contact, email: 'odd@@example.com' } });
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 19, dropped: 1, postponed: 0, imported: 19 });
    expect(p.logger.lines.find((line) => line.message.startsWith('Dropped'))!.details).toMatchObject({ kind: 'invalid_email', codes: ['invalidEmail'] });
  });

  it('sends a batch RejectedByWatchdog through single calls', async () => {
    const p = await backlogProxy();
    for (const email of emails(20)) await p.signUp(email);
    p.mock.inject({ importStatus: 'RejectedByWatchdog' });
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 20, dropped: 0, postponed: 0 });
    expect(p.calls(CONTACT_WRITE)).toBe(20);
    expect(p.mock.store.contacts.size).toBe(20);
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ message: expect.stringContaining('RejectedByWatchdog') }));
  });

  it('waits while 25 imports are processing (429 contacts:tooManyActiveImports), losing nothing', async () => {
    const p = await backlogProxy({}, { importProcessingMs: 10 * 60_000 });
    for (const email of emails(20)) await p.signUp(email);
    p.recover();
    for (let n = 0; n < 25; n++) {
      const other = { mergeOption: 'overwrite', contacts: [{ matchIdentifier: 'email', identifiers: { email: `other${n}@example.com` } }] };
      const answer = await p.mock.fetch(new Request('https://mock.dotdigital.test/contacts/v3/import', { method: 'PUT', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify(other) }));
      expect(answer.status).toBe(202);
    }
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 20 });
    expect(p.logger.lines).toContainEqual(expect.objectContaining({ message: 'Queued signups wait: Dotdigital did not take the import', details: expect.objectContaining({ kind: 'too_many_imports', status: 429 }) }));
    expect(p.queue.size).toBe(20);
    p.clock.time += 11 * 60_000; // the others finished: ours is taken, and processes for 10 minutes too
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 0 });
    p.clock.time += 11 * 60_000;
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 20, imported: 20 });
    expect(p.queue.size).toBe(0);
    expect(p.mock.store.imports).toHaveLength(26);
  });

  it('a drainer that dies after the PUT: the next one resumes polling, nothing lost or sent twice', async () => {
    const queue = createMemorySignupQueue();
    const p = await backlogProxy({}, {}, queue);
    for (const email of emails(30)) await p.signUp(email);
    p.recover();
    const dying = p.another({ queue: diesAfterMark(queue) });
    await expect(dying.deliverQueued()).rejects.toThrow('killed');
    expect(p.mock.store.imports).toHaveLength(1);
    expect(await queue.claim({ now: p.clock.now() + 24 * 3_600_000, limit: 100, leaseMs: 1 })).toEqual([]); // parked, even after the lease
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 30, dropped: 0, postponed: 0, imported: 30 });
    expect(p.mock.store.imports).toHaveLength(1);
    expect(p.calls(CONTACT_WRITE)).toBe(0);
    expect(emails(30).map((email) => withConsent(p, email))).toEqual(Array(30).fill(1));
    expect(queue.size).toBe(0);
  });

  it('leaves an import still processing to the next round, which polls it first', async () => {
    const p = await backlogProxy({ queueDelivery: { importWaitMs: 2_000 } }, { importProcessingMs: 30_000 });
    for (const email of emails(20)) await p.signUp(email);
    p.recover();
    expect(await p.handler.deliverQueued()).toEqual({ delivered: 0, dropped: 0, postponed: 0 });
    expect(p.queue.size).toBe(20);
    p.clock.time += 40_000;
    expect(await p.handler.deliverQueued()).toMatchObject({ delivered: 20, imported: 20 });
    expect(p.calls(IMPORT)).toBeLessThanOrEqual(4);
    expect(p.mock.store.imports).toHaveLength(1);
  });

  it('runs one round at a time: a second round while one works does nothing', async () => {
    const p = await backlogProxy();
    for (const email of emails(20)) await p.signUp(email);
    p.recover();
    const [first, second] = await Promise.all([p.handler.deliverQueued(), p.handler.deliverQueued()]);
    expect([first, second]).toEqual([{ delivered: 20, dropped: 0, postponed: 0, imported: 20 }, { delivered: 0, dropped: 0, postponed: 0 }]);
    expect(p.mock.store.imports).toHaveLength(1);
  });
});
