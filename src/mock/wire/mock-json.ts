import { CONSENT_KEYS, type ConsentKey, type MockConsentRecord, type MockContact } from '../account/mock-contact.js';
import type { MockStore } from '../account/mock-store.js';

/** Dotdigital writes times without milliseconds: `2018-02-28T08:07:01Z`. */
export function apiTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The camelCase contact the API answers with. Like the real API it lists every data field
 * of the account (`null` when unset) plus the system field LASTSUBSCRIBED, by name.
 */
export function contactJson(store: MockStore, contact: MockContact): Record<string, unknown> {
  const names = store.dataFields.map((field) => field.name);
  names.push('LASTSUBSCRIBED');
  names.sort();
  return {
    id: contact.id,
    email: contact.email,
    optInType: contact.optInType,
    emailType: contact.emailType,
    dataFields: names.map((key) => ({ key, value: contact.dataFields.get(key) ?? null })),
    status: contact.status,
  };
}

/** The preference tree with `isOptedIn` on every preference, as the contact calls return it. */
export function preferenceTreeFor(store: MockStore, contact: MockContact): unknown[] {
  return store.preferences.map((item) => {
    if (item.isPreference) return { ...item, isOptedIn: contact.optedIn.has(item.id) };
    return { ...item, preferences: (item.preferences ?? []).map((child) => ({ ...child, isOptedIn: contact.optedIn.has(child.id) })) };
  });
}

/** Consent records as the write calls echo them: `id: null`, upper-case keys in a fixed order. */
export function consentEcho(records: MockConsentRecord[]): unknown[] {
  return records.map((record) => ({ id: null, fields: consentPairs(record) }));
}

/** Consent records as `GET …/with-consent` returns them: an opaque id and DATETIMECREATED. */
export function storedConsent(records: MockConsentRecord[]): unknown[] {
  return records.map((record) => ({
    id: record.id,
    fields: [...consentPairs(record), { key: 'DATETIMECREATED', value: record.created }],
  }));
}

function consentPairs(record: MockConsentRecord): Array<{ key: string; value: string }> {
  return CONSENT_KEYS.filter((key) => record.fields[key] !== undefined).map((key) => ({ key, value: record.fields[key]! }));
}

/** A consent record in v3's names (the v3 calls and the mock's JSON view), `null` where it holds no value. */
export function v3ConsentRecord(record: MockConsentRecord): Record<'text' | 'dateTimeConsented' | 'url' | 'ipAddress' | 'userAgent', string | null> {
  const value = (key: ConsentKey) => record.fields[key] ?? null;
  return { text: value('TEXT'), dateTimeConsented: value('DATETIMECONSENTED'), url: value('URL'), ipAddress: value('IPADDRESS'), userAgent: value('USERAGENT') };
}
