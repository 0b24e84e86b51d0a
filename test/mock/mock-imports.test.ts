import { describe, expect, it } from 'vitest';
import { clock, CONSENT_V3, mockWith, read, signup, v3Contact } from '../support/mock-fixture.js';

describe('mock Dotdigital: v3 bulk import', () => {
  it('answers 202 with an importId, NotFinished for the processing time, then Finished with what it did', async () => {
    const time = clock();
    const { api, mock } = mockWith({ now: time.now, importProcessingMs: 30_000 });
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('old@example.com'));
    const put = await read(api('PUT', '/contacts/v3/import', { contacts: [v3Contact('ann@example.com', { dataFields: { FIRSTNAME: 'Ann' } }), v3Contact('OLD@example.com')] }));
    expect(put.status).toBe(202);
    expect(put.body.importId).toMatch(/^[0-9a-f-]{36}$/);
    const status = () => read(api('GET', `/contacts/v3/import/${put.body.importId}`));
    expect((await status()).body).toEqual({ importId: put.body.importId, status: 'NotFinished' });
    expect(mock.store.contacts.has('ann@example.com')).toBe(false);
    time.advance(30_000);
    const done = await status();
    expect(done.status).toBe(200);
    expect(done.body).toEqual({
      importId: put.body.importId, status: 'Finished',
      summary: { newContacts: 1, updatedContacts: 1, globallySuppressed: 0, invalidEntries: 0, duplicateIdentifiers: 0 },
      created: [{ contactId: 2, identifiers: { email: 'ann@example.com' } }],
      updated: [{ contactId: 1, identifiers: { email: 'OLD@example.com' } }],
      failures: [],
    });
    const ann = mock.store.contacts.get('ann@example.com')!;
    expect([ann.status, ann.dataFields.get('FIRSTNAME'), ann.consentRecords[0]!.fields]).toEqual(['Subscribed', 'Ann', {
      TEXT: CONSENT_V3.text, DATETIMECONSENTED: CONSENT_V3.dateTimeConsented, URL: CONSENT_V3.url, IPADDRESS: CONSENT_V3.ipAddress, USERAGENT: CONSENT_V3.userAgent,
    }]);
    expect(mock.store.contacts.get('old@example.com')!.consentRecords).toHaveLength(2);
  });

  it('fails invalid emails as invalidEmail and a repeated email as duplicateIdentifier, importing the first', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0 });
    const { body } = await read(api('PUT', '/contacts/v3/import', {
      contacts: [v3Contact('not-an-email'), v3Contact('ann@example.com', { dataFields: { FIRSTNAME: 'First' } }), v3Contact('Ann@Example.com', { dataFields: { FIRSTNAME: 'Second' } })],
    }));
    const result = (await read(api('GET', `/contacts/v3/import/${body.importId}`))).body;
    expect(result.summary).toEqual({ newContacts: 1, updatedContacts: 0, globallySuppressed: 0, invalidEntries: 1, duplicateIdentifiers: 1 });
    expect(result.failures).toEqual([
      { matchIdentifier: 'email', identifiers: { email: 'not-an-email' }, failures: [{ failureCode: 'invalidEmail', description: "Invalid value for 'email'" }] },
      { matchIdentifier: 'email', identifiers: { email: 'Ann@Example.com' }, failures: [{ failureCode: 'duplicateIdentifier', description: expect.any(String) }] },
    ]);
    expect(mock.store.contacts.get('ann@example.com')!.dataFields.get('FIRSTNAME')).toBe('First');
  });

  it('changes only the preferences it names, joins lists, and keeps data fields by mergeOption', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0 });
    await api('POST', '/v2/contacts/with-consent-and-preferences', signup('ann@example.com', {
      preferences: [{ id: 2, isPreference: true, isOptedIn: true }, { id: 5, isPreference: true, isOptedIn: true }], dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }],
    }));
    await api('PUT', '/contacts/v3/import', {
      mergeOption: 'overwriteIfEmpty',
      contacts: [v3Contact('ann@example.com', { preferences: [{ id: 3, isOptedIn: true }, { id: 5, isOptedIn: false }], lists: [101], dataFields: { FIRSTNAME: 'Other', LASTNAME: 'Smith' } })],
    });
    await api('GET', '/v2/preferences'); // any call applies finished imports
    const ann = mock.store.contacts.get('ann@example.com')!;
    expect([[...ann.optedIn].sort(), [...ann.addressBooks]]).toEqual([[2, 3], [101]]);
    expect([ann.dataFields.get('FIRSTNAME'), ann.dataFields.get('LASTNAME')]).toEqual(['Ann', 'Smith']);
  });

  it('reports suppressed, hard-bounced and complained contacts as globallySuppressed and leaves them alone', async () => {
    const { api, mock } = mockWith({ importProcessingMs: 0, suppressed: ['s@example.com'], hardBounced: ['h@example.com'], complained: ['c@example.com'] });
    const { body } = await read(api('PUT', '/contacts/v3/import', { contacts: ['s', 'h', 'c'].map((x) => v3Contact(`${x}@example.com`)) }));
    const result = (await read(api('GET', `/contacts/v3/import/${body.importId}`))).body;
    expect(result.summary.globallySuppressed).toBe(3);
    expect(result.failures.map((f: any) => f.failures[0].failureCode)).toEqual(['globallySuppressed', 'globallySuppressed', 'globallySuppressed']);
    expect(['s', 'h', 'c'].map((x) => mock.store.contacts.get(`${x}@example.com`)!.status)).toEqual(['Suppressed', 'HardBounced', 'IspComplained']);
    expect(mock.store.contacts.get('s@example.com')!.consentRecords).toEqual([]);
  });

  it('answers 404 in the v3 envelope for an import it never received', async () => {
    const { api } = mockWith();
    expect(await read(api('GET', '/contacts/v3/import/nope'))).toMatchObject({ status: 404, body: { errorCode: 'contacts:importNotFound' } });
  });
});

describe('mock Dotdigital: v3 import limits', () => {
  it('accepts 25 active imports, answers the 26th 429 contacts:tooManyActiveImports, and takes more once one finishes', async () => {
    const time = clock();
    const { api } = mockWith({ now: time.now, importProcessingMs: 60_000 });
    for (let i = 0; i < 25; i++) {
      expect((await api('PUT', '/contacts/v3/import', { contacts: [v3Contact(`n${i}@example.com`)] })).status).toBe(202);
      time.advance(100);
    }
    const refused = await read(api('PUT', '/contacts/v3/import', { contacts: [v3Contact('late@example.com')] }));
    expect(refused).toMatchObject({ status: 429, body: {
      errorCode: 'contacts:tooManyActiveImports',
      description: 'Your import request cannot be accepted as too many imports are being processed for you account. Please wait for an import to complete and then resubmit.',
    } });
    time.advance(57_600); // the first import's minute is over
    expect((await api('PUT', '/contacts/v3/import', { contacts: [v3Contact('late@example.com')] })).status).toBe(202);
  });

  it('refuses a body over the limit with 413 in the v3 envelope', async () => {
    const { api, mock } = mockWith({ importBodyLimitBytes: 2_000 });
    const contacts = Array.from({ length: 20 }, (_, i) => v3Contact(`n${i}@example.com`));
    const answer = await read(api('PUT', '/contacts/v3/import', { contacts }));
    expect(answer).toMatchObject({ status: 413, body: { errorCode: 'contacts:requestTooLarge', description: expect.stringContaining('2000 bytes') } });
    expect(mock.store.imports).toHaveLength(0);
    expect((await api('PUT', '/contacts/v3/import', { contacts: contacts.slice(0, 2) })).status).toBe(202);
  });

  it('defaults to Dotdigital’s 50 MB body limit', async () => {
    const { api } = mockWith();
    const padding = 'x'.repeat(50 * 1024 * 1024);
    const answer = await api('PUT', '/contacts/v3/import', `{"contacts":[${JSON.stringify(v3Contact('ann@example.com', { dataFields: { FIRSTNAME: padding } }))}]}`);
    expect(answer.status).toBe(413);
  });
});
