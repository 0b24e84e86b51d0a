import { describe, expect, it } from 'vitest';
import { DotdigitalApiError, errorKindFor, readErrorToken } from '../../../src/server/dotdigital/index.js';
import { buildV3Contact } from '../../../src/server/dotdigital/build-v3-contact.js';
import { importFailureKind, readImportReport } from '../../../src/server/dotdigital/import-report.js';
import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER } from '../../../src/mock/index.js';
import { createDotdigitalClient } from '../../../src/server/dotdigital/dotdigital-client.js';

const write = {
  email: 'ann@example.com', optInType: 'Single' as const, dataFields: [{ key: 'FIRSTNAME', value: 'Ann' }], consentText: 'Yes.', consentedAt: '2026-11-26T03:30:00.000Z',
  pageUrl: 'https://www.example.com/signup', ipAddress: '203.0.113.7', userAgent: 'UA', shown: new Set([3, 2]), ticked: new Set([2]),
};

describe('v3 bulk import: errors, reports and the contact body', () => {
  it('reads the v3 envelope\'s errorCode; 429 contacts:tooManyActiveImports is its own kind', () => {
    expect(readErrorToken({ errorCode: 'contacts:tooManyActiveImports', description: 'Too many.' })).toBe('contacts:tooManyActiveImports');
    expect(errorKindFor(429, 'contacts:tooManyActiveImports')).toBe('too_many_imports');
    expect(errorKindFor(429, undefined)).toBe('rate_limited');
    expect(errorKindFor(400, readErrorToken({ errorCode: 'contacts:validationError', description: '…', details: [] }))).toBe('rejected');
  });

  it('compares failure codes case-insensitively', () => {
    expect(['invalidEmail', 'InvalidEmail', 'globallySuppressed', 'GloballySuppressed', 'SuppressedByDomain', 'consentRecordsNotApplied', 'duplicateIdentifier', 'Blocker'].map(importFailureKind))
      .toEqual(['invalid_email', 'invalid_email', 'suppressed', 'suppressed', 'suppressed', 'consent_not_applied', 'import_failed', 'import_failed']);
  });

  it('counts a contact created and listed under failures as a failure, never delivered', () => {
    const report = readImportReport({
      importId: 'x', status: 'Finished',
      created: [{ contactId: 1, identifiers: { email: 'Ann@Example.com' } }, { contactId: 2, identifiers: { email: 'bob@example.com' } }],
      updated: [{ contactId: 3, identifiers: { email: 'cy@example.com' } }],
      failures: [{ matchIdentifier: 'email', identifiers: { email: 'ann@example.com' }, failures: [{ failureCode: 'ConsentRecordsNotApplied', description: '…' }] }],
    });
    expect(report).toEqual({
      finished: true, delivered: new Set(['bob@example.com', 'cy@example.com']), created: new Set(['bob@example.com']),
      failures: new Map([['ann@example.com', { kind: 'consent_not_applied', codes: ['ConsentRecordsNotApplied'] }]]),
    });
    expect(readImportReport({ status: 'NotFinished' }).finished).toBe(false);
    expect(readImportReport({ status: 'RejectedByWatchdog' }).importFailure).toEqual({ kind: 'rejected_by_watchdog', status: 'RejectedByWatchdog' });
    expect(readImportReport({ status: 'ExceedsAllowedContactLimit' }).importFailure).toEqual({ kind: 'import_failed', status: 'ExceedsAllowedContactLimit' });
  });

  it('builds the v3 contact: ticked preferences only (none opted out), the resubscribe options, all five consent fields — or none when the IP is unknown', () => {
    expect(buildV3Contact(write, 101)).toEqual({
      matchIdentifier: 'email', identifiers: { email: 'ann@example.com' }, dataFields: { FIRSTNAME: 'Ann' },
      channelProperties: { email: { status: 'subscribed', emailType: 'html', optInType: 'single', resubscribeOptions: { resubscribeWithNoChallenge: false, redirectUrlAfterChallenge: 'https://www.example.com/signup' } } },
      lists: [101], preferences: [{ id: 2, isOptedIn: true }],
      consentRecords: [{ text: 'Yes.', dateTimeConsented: '2026-11-26T03:30:00.000Z', url: 'https://www.example.com/signup', ipAddress: '203.0.113.7', userAgent: 'UA' }],
    });
    expect(buildV3Contact({ ...write, optInType: 'VerifiedDouble' })?.channelProperties.email.optInType).toBe('verifiedDouble');
    expect(buildV3Contact({ ...write, ipAddress: undefined })).toBeUndefined();
  });

  it('the client sends an import, reads its status and a contact\'s, and maps a 400 envelope to a typed error', async () => {
    let time = Date.parse('2026-11-26T03:00:00Z');
    const mock = createMockDotdigital({ importProcessingMs: 1_000, now: () => new Date(time) });
    const client = createDotdigitalClient({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'http://127.0.0.1:4999', fetch: mock.fetch as typeof fetch });
    const importId = await client.startImport([buildV3Contact(write)!]);
    expect((await client.getImport(importId)).finished).toBe(false);
    time += 1_000;
    expect((await client.getImport(importId)).delivered).toEqual(new Set(['ann@example.com']));
    expect(await client.getContactStatus('ann@example.com')).toBe('subscribed');
    expect(await client.getContactStatus('nobody@example.com')).toBeUndefined();
    const refused = await client.startImport([{ ...buildV3Contact(write)!, preferences: [{ id: 999, isOptedIn: true }] }]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DotdigitalApiError);
    expect(refused).toMatchObject({ status: 400, token: 'contacts:validationError', kind: 'rejected' });
  });
});
