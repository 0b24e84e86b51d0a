import { afterEach, describe, expect, it } from 'vitest';
import type { MockDotdigitalOptions } from '../../../src/mock/index.js';
import type { DotdigitalClientOptions } from '../../../src/server/dotdigital/index.js';
import { body, failure, transient, transports, type Harness } from './client-fixture.js';

describe.each(transports)('Dotdigital client against the mock, $name', ({ start }) => {
  const open: Harness[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((harness) => harness.close()));
  });
  const harness = async (mockOptions?: MockDotdigitalOptions, clientOptions?: Partial<DotdigitalClientOptions>) => {
    const started = await start(mockOptions, clientOptions);
    open.push(started);
    return started;
  };

  it('reads the preference tree and the data fields', async () => {
    const { client } = await harness();
    const tree = await client.getPreferences();
    expect(tree.map((item) => [item.id, item.isPreference, item.order])).toEqual([[1, false, '0'], [5, true, '1']]);
    expect(tree[0]!.preferences!.map((p) => [p.id, p.isPublic])).toEqual([[2, true], [3, true], [4, false]]);
    expect((await client.getDataFields()).map((field) => field.name)).toContain('FIRSTNAME');
  });

  it('creates a contact with consent and preferences: Subscribed', async () => {
    const { client, mock } = await harness();
    expect(await client.createContactWithConsentAndPreferences(body('ann@example.com'))).toEqual({ id: 1, status: 'Subscribed', optInType: 'Single' });
    expect(mock.store.contacts.get('ann@example.com')!.consentRecords[0]!.fields.TEXT).toBe('Yes, send me the newsletter.');
  });

  it('reports double opt-in as PendingOptIn/Double', async () => {
    const { client } = await harness();
    expect(await client.createContactWithConsentAndPreferences(body('ann@example.com', { optInType: 'VerifiedDouble' }))).toEqual({ id: 1, status: 'PendingOptIn', optInType: 'Double' });
  });

  it('reads a contact and its preferences back, undefined for an unknown address', async () => {
    const { client, mock } = await harness();
    expect(await client.getContactPreferences('nobody@example.com')).toBeUndefined();
    expect(mock.store.contacts.has('nobody@example.com')).toBe(false);
    await client.createContactWithConsentAndPreferences(body('ann+news@example.com'));
    const tree = await client.getContactPreferences('Ann+News@example.com');
    expect(tree!.find((item) => item.id === 5)!.isOptedIn).toBe(true);
    expect(mock.store.contacts.get('ann+news@example.com')).toMatchObject({ id: 1, email: 'ann+news@example.com', status: 'Subscribed' });
  });

  it('adds a contact to an address book', async () => {
    const { client, mock } = await harness();
    await client.addContactToAddressBook(101, { email: 'ann@example.com', optInType: 'Single' });
    expect([...mock.store.contacts.get('ann@example.com')!.addressBooks]).toEqual([101]);
  });

  it.each([
    ['an invalid address', {}, body('ann@'), 400, 'ERROR_PARAMETER_INVALID', 'invalid_email'],
    ['an unknown data field', {}, body('ann@example.com', { dataFields: [{ key: 'SHOESIZE', value: '9' }] }), 400, 'ERROR_DATAFIELD_NOTFOUND', 'unknown_data_field'],
    ['a mistyped data field', { dataFields: [{ name: 'AGE', type: 'Numeric', visibility: 'Private', defaultValue: null }] }, body('ann@example.com', { dataFields: [{ key: 'AGE', value: 'old' }] }), 400, 'ERROR_DATAFIELD_INVALID', 'invalid_data_field'],
    ['an unknown preference', {}, body('ann@example.com', { preferences: [{ id: 99, isPreference: true, isOptedIn: true }] }), 400, 'ERROR_PREFERENCE_NOT_FOUND', 'unknown_preference'],
    ['a suppressed contact', { suppressed: ['ann@example.com'] }, body('ann@example.com'), 400, 'ERROR_CONTACT_SUPPRESSED', 'suppressed'],
  ] as const)('types %s as a permanent refusal', async (_case, mockOptions, request, status, token, kind) => {
    const { client } = await harness(mockOptions as MockDotdigitalOptions);
    const error = await failure(client.createContactWithConsentAndPreferences(request));
    expect([error.status, error.token, error.kind, transient(error)]).toEqual([status, token, kind, false]);
    expect(error.message).not.toContain('ann@');
  });

  it('types a 2xx write that leaves the contact Suppressed as suppressed too', async () => {
    const { client } = await harness({ suppressed: ['ann@example.com'], suppressedWrites: 'keep-status' });
    const error = await failure(client.createContactWithConsentAndPreferences(body('ann@example.com')));
    expect([error.status, error.token, error.kind, error.contactStatus, transient(error)]).toEqual([201, undefined, 'suppressed', 'Suppressed', false]);
    const viaBook = await failure(client.addContactToAddressBook(101, { email: 'ann@example.com', optInType: 'Single' }));
    expect([viaBook.status, viaBook.kind, viaBook.contactStatus]).toEqual([200, 'suppressed', 'Suppressed']);
  });

  it('types an unsubscribed contact added to an address book, and an unknown book', async () => {
    const { client, mock } = await harness();
    mock.unsubscribe('ann@example.com');
    expect((await failure(client.addContactToAddressBook(101, { email: 'ann@example.com', optInType: 'Single' }))).kind).toBe('suppressed');
    const unknown = await failure(client.addContactToAddressBook(999, { email: 'bob@example.com', optInType: 'Single' }));
    expect([unknown.status, unknown.token, unknown.kind]).toEqual([404, 'ERROR_ADDRESSBOOK_NOT_FOUND', 'unknown_address_book']);
  });

  it('types wrong credentials as unauthorized, saying what to check and never the password', async () => {
    const { client } = await harness({}, { apiPassword: 'hunter2-wrong' });
    const error = await failure(client.getPreferences());
    expect([error.status, error.kind, transient(error)]).toEqual([401, 'unauthorized', false]);
    expect(error.message).toMatch(/apiUser and apiPassword/);
    expect(error.message).not.toMatch(/hunter2|apiuser-demo/);
  });

  it('types the per-minute limit as rate_limited with the wait and the parsed headers', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const seen: unknown[] = [];
    const { client } = await harness({ rateLimit: { perMinute: 2, scope: 'Tier1' }, now: () => new Date(now) }, { now: () => now, onRateLimit: (rateLimit) => void seen.push(rateLimit) });
    await client.getPreferences();
    expect(seen.at(-1)).toEqual({ limit: 2, remaining: 1, resetAt: now + 60_000, scope: 'Tier1' });
    await client.getDataFields();
    now += 15_000;
    const error = await failure(client.getPreferences());
    expect([error.status, error.kind, transient(error), error.retryAfterMs]).toEqual([429, 'rate_limited', true, 45_000]);
    expect(error.rateLimit).toEqual({ limit: 2, remaining: 0, resetAt: now + 45_000, scope: 'Tier1' });
  });

  it('reads an epoch X-RateLimit-Reset the same way', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const { client } = await harness({ rateLimit: { perMinute: 1, reset: 'epoch' }, now: () => new Date(now) }, { now: () => now });
    await client.getPreferences();
    now += 10_000;
    expect((await failure(client.getPreferences())).retryAfterMs).toBe(50_000);
  });

  it('types the legacy hourly cap as usage_capped (transient)', async () => {
    const { client } = await harness({ hourlyCap: 1 });
    await client.getPreferences();
    const error = await failure(client.getPreferences());
    expect([error.status, error.token, error.kind, transient(error)]).toEqual([400, 'ERROR_APIUSAGE_EXCEEDED', 'usage_capped', true]);
  });

  it.each([500, 502, 503, 504])('types a %i as unavailable (transient), HTML body or not', async (status) => {
    const { client } = await harness({ faults: [{ status }] });
    const error = await failure(client.getContactPreferences('ann@example.com'));
    expect([error.status, error.kind, transient(error)]).toEqual([status, 'unavailable', true]);
    expect(error.message).not.toContain('ann@example.com');
  });

  it('types a dropped connection as unavailable with status 0', async () => {
    const { client, mock } = await harness();
    mock.inject({ drop: true });
    const error = await failure(client.createContactWithConsentAndPreferences(body('ann@example.com')));
    expect([error.status, error.kind, transient(error)]).toEqual([0, 'unavailable', true]);
  });

  it('gives up after timeoutMs and types it as timeout', async () => {
    const { client } = await harness({ latencyMs: 2_000 }, { timeoutMs: 50 });
    const started = performance.now();
    const error = await failure(client.getPreferences());
    expect([error.status, error.kind, transient(error)]).toEqual([0, 'timeout', true]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
