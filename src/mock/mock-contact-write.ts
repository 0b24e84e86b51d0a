import { pick, pickArray, pickString } from './loose-json.js';
import { allPreferences, CONSENT_KEYS, type ConsentKey, type MockContact, type MockStore } from './mock-store.js';

/** A refusal in Dotdigital's shape: a status and a message ending in its `ERROR_…` token. */
export class MockApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Every spelling of the consent keys seen in Dotdigital's docs and clients, lower-cased.
const CONSENT_SYNONYMS: Record<string, ConsentKey> = {
  text: 'TEXT', consenttext: 'TEXT',
  datetimeconsented: 'DATETIMECONSENTED', consentdatetime: 'DATETIMECONSENTED',
  url: 'URL', consenturl: 'URL',
  ipaddress: 'IPADDRESS', consentip: 'IPADDRESS',
  useragent: 'USERAGENT', consentuseragent: 'USERAGENT',
};

// Dotdigital's own check is stricter than "has an @"; this catches what a form would.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `POST /v2/contacts/with-consent[-and-preferences]`: create or update by email, record
 * consent, and (when `withPreferences`) set every preference: named ones as given, every
 * other one opted out, as the real API does.
 */
export function writeContactWithConsent(
  store: MockStore,
  body: unknown,
  withPreferences: boolean,
  now: Date,
): { contact: MockContact; recordsAdded: number } {
  const contactIn = pick(body, 'contact');
  const email = pickString(contactIn, 'email')?.trim() ?? '';
  if (!EMAIL.test(email) || email.length > 254) {
    throw new MockApiError(400, 'Email is not a valid email address. ERROR_PARAMETER_INVALID');
  }
  const dataFields = new Map<string, string | number | boolean | null>();
  for (const pair of pickArray(contactIn, 'dataFields')) {
    const key = pickString(pair, 'key')?.toUpperCase() ?? '';
    if (!store.dataFields.some((field) => field.name === key)) {
      throw new MockApiError(400, `Data field ${key} does not exist. ERROR_DATAFIELD_NOTFOUND`);
    }
    dataFields.set(key, (pick(pair, 'value') as string | number | boolean | undefined) ?? null);
  }
  const optedIn = withPreferences ? readPreferences(store, pickArray(body, 'preferences')) : undefined;
  const records = pickArray(body, 'consentFields').map((record) => {
    const fields: Partial<Record<ConsentKey, string>> = {};
    for (const pair of pickArray(record, 'fields')) {
      const key = CONSENT_SYNONYMS[pickString(pair, 'key')?.toLowerCase() ?? ''];
      const value = pick(pair, 'value');
      if (key && value !== undefined) fields[key] = String(value);
    }
    return fields;
  });

  const id = email.toLowerCase();
  const existing = store.contacts.get(id);
  const contact: MockContact = existing ?? {
    id: store.nextContactId++, email, optInType: 'Unknown', emailType: 'Html', status: 'Subscribed',
    dataFields: new Map(), consentRecords: [], optedIn: new Set(), addressBooks: new Set(),
  };
  const optInType = pickString(contactIn, 'optInType');
  if (optInType === 'Single' || optInType === 'Double' || optInType === 'VerifiedDouble' || optInType === 'Unknown') {
    contact.optInType = optInType;
  }
  const emailType = pickString(contactIn, 'emailType');
  if (emailType === 'Html' || emailType === 'PlainText') contact.emailType = emailType;
  for (const [key, value] of dataFields) contact.dataFields.set(key, value);
  contact.dataFields.set('LASTSUBSCRIBED', now.toISOString());
  for (const fields of records) {
    contact.consentRecords.push({ id: crypto.randomUUID(), fields, created: now.toISOString() });
  }
  if (optedIn) contact.optedIn = optedIn;
  store.contacts.set(id, contact);
  return { contact, recordsAdded: records.length };
}

function readPreferences(store: MockStore, items: unknown[]): Set<number> {
  const known = new Map(allPreferences(store.preferences).map((p) => [p.id, p]));
  const categories = new Set(store.preferences.filter((p) => !p.isPreference).map((p) => p.id));
  const optedIn = new Set<number>();
  const visit = (item: unknown): void => {
    const id = Number(pick(item, 'id'));
    const isPreference = pick(item, 'isPreference') !== false;
    if (!isPreference) {
      if (!categories.has(id)) throw new MockApiError(400, `Preference category ${id} was not found. ERROR_PREFERENCE_NOT_FOUND`);
      pickArray(item, 'preferences').forEach(visit);
      return;
    }
    if (!known.has(id)) throw new MockApiError(400, `Preference ${id} was not found. ERROR_PREFERENCE_NOT_FOUND`);
    if (pick(item, 'isOptedIn') === true) optedIn.add(id);
  };
  items.forEach(visit);
  return optedIn;
}

/** Consent records as the write call echoes them: `id: null`, upper-case keys. */
export function consentEcho(contact: MockContact, count: number): unknown[] {
  const latest = count === 0 ? [] : contact.consentRecords.slice(-count);
  return latest.map((record) => ({
    id: null,
    fields: CONSENT_KEYS.filter((key) => record.fields[key] !== undefined).map((key) => ({ key, value: record.fields[key] })),
  }));
}
