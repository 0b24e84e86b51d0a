import { describe, expect, it } from 'vitest';
import { demoDataFields, type MockContact } from '../../src/mock/index.js';
import { ADDRESS_BOOK_ID, captureLogger, consentFor, optedIn, post, proxyWithMock, status, storedContact, validBody } from '../support/proxy-fixture.js';

function existing(proxy: ReturnType<typeof proxyWithMock>, email: string, ids: number[], state: MockContact['status'] = 'Subscribed') {
  proxy.mock.store.contacts.set(email, storedContact(email, ids, { status: state, dataFields: new Map([['FIRSTNAME', 'Annie']]) }));
}

async function answer(response: Response) {
  return { status: response.status, body: await response.text(), cache: response.headers.get('cache-control') };
}

describe('POST signup', () => {
  it('creates the contact with its consent record and ticked preferences, and answers 201', async () => {
    const proxy = proxyWithMock();
    const response = await proxy.handler(post(await validBody(proxy.handler, { preferences: [3, 5] })));
    expect(await answer(response)).toEqual({ status: 201, body: '{"status":"subscribed"}', cache: 'no-store' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const contact = proxy.mock.store.contacts.get('ann@example.com');
    expect(contact?.status).toBe('Subscribed');
    expect(contact?.optInType).toBe('Single');
    expect(optedIn(contact)).toEqual([3, 5]);
  });

  it('asks for double opt-in and answers 202 pending_confirmation when configured', async () => {
    const proxy = proxyWithMock({ optInType: 'VerifiedDouble' });
    const response = await proxy.handler(post(await validBody(proxy.handler)));
    expect(await answer(response)).toEqual({ status: 202, body: '{"status":"pending_confirmation"}', cache: 'no-store' });
    const write = proxy.writes().find((r) => r.url.endsWith('/with-consent-and-preferences'))!;
    expect(((await write.json()) as { contact: { optInType: string } }).contact.optInType).toBe('VerifiedDouble');
  });

  it('changes an existing contact only as its owner would: ticked → in, nothing opted out, a filled data field kept', async () => {
    const proxy = proxyWithMock({ preferences: [1], fields: [{ name: 'FIRSTNAME', label: 'First name' }, { name: 'LASTNAME', label: 'Last name' }] });
    existing(proxy, 'ann@example.com', [3, 4, 5]);
    const fields = { FIRSTNAME: 'Your account is locked, visit evil.test', LASTNAME: 'Smith' };
    const response = await proxy.handler(post(await validBody(proxy.handler, { preferences: [2], fields })));
    expect(response.status).toBe(201);
    const contact = proxy.mock.store.contacts.get('ann@example.com')!;
    // 2 ticked → in; 3 shown and not ticked, 4 (private) and 5 (not on this form) all kept.
    expect(optedIn(contact)).toEqual([2, 3, 4, 5]);
    expect(Object.fromEntries(contact.dataFields)).toMatchObject({ FIRSTNAME: 'Annie', LASTNAME: 'Smith' });
    expect(proxy.writes().map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /contacts/v3/email/ann%40example.com',
      'POST /v2/contacts/with-consent-and-preferences',
    ]);
  });

  it('opts a new contact into the ticked preferences only', async () => {
    const proxy = proxyWithMock({ preferences: [1] });
    await proxy.handler(post(await validBody(proxy.handler, { preferences: [3] })));
    expect(optedIn(proxy.mock.store.contacts.get('ann@example.com'))).toEqual([3]);
  });

  it('reads the contact (one v3 call) and writes a new one in one call', async () => {
    const proxy = proxyWithMock();
    await proxy.handler(post(await validBody(proxy.handler, { preferences: [5] })));
    expect(proxy.writes().map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /contacts/v3/email/ann%40example.com',
      'POST /v2/contacts/with-consent-and-preferences',
    ]);
    expect(optedIn(proxy.mock.store.contacts.get('ann@example.com'))).toEqual([5]);
  });

  it('leaves a subscribed contact alone when a single opt-in signup adds nothing it has not chosen', async () => {
    const proxy = proxyWithMock({ fields: [{ name: 'FIRSTNAME', label: 'First name' }] });
    existing(proxy, 'ann@example.com', [2, 5]);
    const response = await proxy.handler(post(await validBody(proxy.handler, { preferences: [2], fields: { FIRSTNAME: 'Mallory' } })));
    expect(await answer(response)).toEqual({ status: 201, body: '{"status":"subscribed"}', cache: 'no-store' });
    expect(proxy.writes().map((r) => r.method)).toEqual(['GET']);
    expect(proxy.mock.store.contacts.get('ann@example.com')!.consentRecords).toHaveLength(0);
  });

  it('casts data fields to their Dotdigital types and leaves empty ones out', async () => {
    const proxy = proxyWithMock({
      fields: [
        { name: 'FIRSTNAME', label: 'First name' },
        { name: 'LASTNAME', label: 'Last name' },
        { name: 'AGE', label: 'Age', type: 'Numeric' },
        { name: 'VIP', label: 'VIP', type: 'Boolean' },
        { name: 'BIRTHDAY', label: 'Birthday', type: 'Date' },
      ],
    }, {
      dataFields: [
        ...demoDataFields(),
        { name: 'AGE', type: 'Numeric', visibility: 'Private', defaultValue: null },
        { name: 'VIP', type: 'Boolean', visibility: 'Private', defaultValue: null },
        { name: 'BIRTHDAY', type: 'Date', visibility: 'Private', defaultValue: null },
      ],
    });
    const fields = { FIRSTNAME: ' Ann ', LASTNAME: '', AGE: '42', VIP: 'on', BIRTHDAY: '1990-01-31' };
    expect((await proxy.handler(post(await validBody(proxy.handler, { fields })))).status).toBe(201);
    const write = proxy.writes().find((r) => r.method === 'POST')!;
    expect(((await write.json()) as { contact: { dataFields: unknown } }).contact.dataFields).toEqual([
      { key: 'FIRSTNAME', value: 'Ann' },
      { key: 'AGE', value: 42 },
      { key: 'VIP', value: true },
      { key: 'BIRTHDAY', value: '1990-01-31' },
    ]);
  });

  it('answers 202 and tells the operator when the account forces double opt-in on a Single proxy', async () => {
    const logger = captureLogger();
    const proxy = proxyWithMock({ logger }, { forceDoubleOptIn: true });
    expect(await answer(await proxy.handler(post(await validBody(proxy.handler))))).toEqual({ status: 202, body: '{"status":"pending_confirmation"}', cache: 'no-store' });
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringMatching(/forces double opt-in.*VerifiedDouble/) }));
  });

  it('answers a filled honeypot exactly like a person and sends nothing', async () => {
    for (const optInType of ['Single', 'VerifiedDouble'] as const) {
      const person = proxyWithMock({ optInType });
      const bot = proxyWithMock({ optInType });
      const human = await answer(await person.handler(post(await validBody(person.handler))));
      const trapped = await answer(await bot.handler(post(await validBody(bot.handler, { honeypot: 'http://spam.example' }))));
      expect(trapped).toEqual(human);
      expect(bot.writes()).toHaveLength(0);
    }
  });

  it.each(['Single', 'VerifiedDouble'] as const)('(%s) adds the contact to the configured address book, sending one confirmation at most', async (optInType) => {
    const proxy = proxyWithMock({ addressBookId: ADDRESS_BOOK_ID, optInType });
    expect((await proxy.handler(post(await validBody(proxy.handler)))).status).toBe(optInType === 'Single' ? 201 : 202);
    const contact = proxy.mock.store.contacts.get('ann@example.com')!;
    expect([...contact.addressBooks]).toEqual([ADDRESS_BOOK_ID]);
    expect(contact.status).toBe(optInType === 'Single' ? 'Subscribed' : 'PendingOptIn');
    expect(proxy.mock.store.outbox).toHaveLength(optInType === 'Single' ? 0 : 1);
    const call = proxy.writes().find((r) => r.url.includes('/address-books/'))!;
    expect(((await call.json()) as { optInType: string }).optInType).toBe(optInType);
  });

  it('still signs up when the address book does not exist, and logs how to fix it', async () => {
    const logger = captureLogger();
    const proxy = proxyWithMock({ addressBookId: 12345, logger });
    expect((await proxy.handler(post(await validBody(proxy.handler)))).status).toBe(201);
    expect(proxy.mock.store.contacts.has('ann@example.com')).toBe(true);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/Address book 12345 does not exist.*fix addressBookId/) }));
  });
});

// Issue 12: a contact who left gets the returning subscriber's answer (202 pending_confirmation)
// whether Dotdigital can email them or not; with double opt-in that is a new address's answer too.
describe('a suppressed or unsubscribed contact is answered like every returning one, and with double opt-in like a new one', () => {
  const PENDING = { status: 202, body: '{"status":"pending_confirmation"}', cache: 'no-store' };
  for (const optInType of ['Single', 'VerifiedDouble'] as const) {
    it(`(${optInType}) for ERROR_CONTACT_SUPPRESSED and for a 2xx Suppressed/Unsubscribed write`, async () => {
      const fresh = proxyWithMock({ optInType });
      const expected = await answer(await fresh.handler(post(await validBody(fresh.handler, { email: 'new@example.com' }))));
      // The difference README's security notes state: single opt-in answers a new address 201.
      expect(expected).toEqual(optInType === 'Single' ? { status: 201, body: '{"status":"subscribed"}', cache: 'no-store' } : PENDING);

      const logger = captureLogger();
      const refused = proxyWithMock({ optInType, logger, addressBookId: ADDRESS_BOOK_ID });
      refused.faults.push({ path: /with-consent/, answer: status(400, { message: 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED' }) });
      expect(await answer(await refused.handler(post(await validBody(refused.handler, { email: 'gone@example.com' }))))).toEqual(PENDING);
      expect(refused.writes().filter((r) => r.url.includes('/address-books/'))).toHaveLength(0);

      for (const [state, suppressedWrites] of [['Suppressed', 'refuse'], ['Suppressed', 'keep-status'], ['Unsubscribed', 'keep-status']] as const) {
        const quiet = proxyWithMock({ optInType }, { suppressedWrites });
        existing(quiet, 'gone@example.com', [], state);
        expect(await answer(await quiet.handler(post(await validBody(quiet.handler, { email: 'gone@example.com' }))))).toEqual(PENDING);
      }
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'info', message: expect.stringMatching(/suppressed/) }));
      expect(logger.text()).not.toContain('gone@example.com');
      expect(logger.text()).toMatch(/"contact":"e:[0-9a-f]{16}"/);
    });
  }

  it('refs the same address the same way in logs, and different ones differently', async () => {
    const logger = captureLogger();
    const proxy = proxyWithMock({ logger });
    const consent = await consentFor(proxy.handler);
    // Each signup adds a preference, so each is written (and logged as signed up).
    for (const [email, id] of [['ann@example.com', 2], ['ANN@example.com', 3], ['bob@example.com', 2]] as const) await proxy.handler(post({ email, preferences: [id], consent }));
    const refs = logger.lines.filter((l) => l.message === 'Signed up').map((l) => l.details!.contact);
    expect(refs).toHaveLength(3);
    expect(refs[0]).toBe(refs[1]);
    expect(refs[2]).not.toBe(refs[0]);
  });
});
