import { demoDataFields, demoPreferences, type MockDataField, type MockPreference } from './mock-seed.js';

/** Consent keys as Dotdigital echoes them. */
export const CONSENT_KEYS = ['TEXT', 'DATETIMECONSENTED', 'URL', 'IPADDRESS', 'USERAGENT'] as const;
export type ConsentKey = (typeof CONSENT_KEYS)[number];

/** A stored consent record. */
export interface MockConsentRecord {
  id: string;
  fields: Partial<Record<ConsentKey, string>>;
  created: string;
}

/** A contact as the mock holds it. */
export interface MockContact {
  id: number;
  email: string;
  optInType: 'Unknown' | 'Single' | 'Double' | 'VerifiedDouble';
  emailType: 'PlainText' | 'Html';
  status: 'Subscribed' | 'PendingOptIn' | 'Unsubscribed' | 'Suppressed';
  dataFields: Map<string, string | number | boolean | null>;
  consentRecords: MockConsentRecord[];
  optedIn: Set<number>;
  addressBooks: Set<number>;
}

/** The mock's whole in-memory account, exposed so tests can read and arrange it. */
export interface MockStore {
  preferences: MockPreference[];
  dataFields: MockDataField[];
  contacts: Map<string, MockContact>;
  nextContactId: number;
  /** Every request the mock answered, method and path, oldest first. */
  requests: Array<{ method: string; path: string }>;
}

/** Options for the account's starting data. */
export interface MockStoreOptions {
  preferences?: MockPreference[];
  dataFields?: MockDataField[];
}

/** A fresh store seeded with the demo account's preferences and data fields. */
export function createMockStore(options: MockStoreOptions = {}): MockStore {
  return {
    preferences: structuredClone(options.preferences ?? demoPreferences()),
    dataFields: structuredClone(options.dataFields ?? demoDataFields()),
    contacts: new Map(),
    nextContactId: 1,
    requests: [],
  };
}

/** Finds a contact by numeric id or by email (case-insensitive). */
export function findContact(store: MockStore, idOrEmail: string): MockContact | undefined {
  if (/^\d+$/.test(idOrEmail)) {
    const id = Number(idOrEmail);
    for (const contact of store.contacts.values()) if (contact.id === id) return contact;
    return undefined;
  }
  return store.contacts.get(idOrEmail.trim().toLowerCase());
}

/** Every preference (not category) in the tree, flattened. */
export function allPreferences(tree: MockPreference[]): MockPreference[] {
  return tree.flatMap((item) => (item.isPreference ? [item] : (item.preferences ?? [])));
}

/** The preference tree with `isOptedIn` on every preference, as the contact calls return it. */
export function preferenceTreeFor(store: MockStore, contact: MockContact | undefined): unknown[] {
  const withFlag = (item: MockPreference): Record<string, unknown> => {
    const { preferences, ...rest } = item;
    if (item.isPreference) return { ...rest, isOptedIn: contact?.optedIn.has(item.id) ?? false };
    return { ...rest, preferences: (preferences ?? []).map(withFlag) };
  };
  return store.preferences.map(withFlag);
}

/** The camelCase contact body the API answers with. */
export function contactJson(contact: MockContact): Record<string, unknown> {
  return {
    id: contact.id,
    email: contact.email,
    optInType: contact.optInType,
    emailType: contact.emailType,
    dataFields: [...contact.dataFields].map(([key, value]) => ({ key, value })),
    status: contact.status,
  };
}
