import { demoAddressBooks, demoDataFields, demoPreferences, type MockAddressBook, type MockDataField, type MockPreference } from './mock-seed.js';

/** Consent keys as Dotdigital echoes them. */
export const CONSENT_KEYS = ['TEXT', 'DATETIMECONSENTED', 'URL', 'IPADDRESS', 'USERAGENT'] as const;
export type ConsentKey = (typeof CONSENT_KEYS)[number];

/** A stored consent record. */
export interface MockConsentRecord {
  id: string;
  fields: Partial<Record<ConsentKey, string>>;
  created: string;
}

/** The contact statuses the mock plays; anything but the first two is "not subscribed". */
export type MockContactStatus = 'Subscribed' | 'PendingOptIn' | 'Unsubscribed' | 'Suppressed';

/** A contact as the mock holds it. */
export interface MockContact {
  id: number;
  email: string;
  optInType: 'Unknown' | 'Single' | 'Double' | 'VerifiedDouble';
  emailType: 'PlainText' | 'Html';
  status: MockContactStatus;
  /** Data-field values by canonical (upper-case) name, including the system field LASTSUBSCRIBED. */
  dataFields: Map<string, string | number | boolean | null>;
  consentRecords: MockConsentRecord[];
  optedIn: Set<number>;
  addressBooks: Set<number>;
}

/** An email the mock "sent": the double opt-in confirmation, with the link that confirms. */
export interface MockEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** Follow it (GET) to confirm the subscription, as the contact would by clicking. */
  link: string;
  sentAt: string;
}

/** One answered API call, for the human page. */
export interface MockApiCall {
  method: string;
  path: string;
  status: number;
  at: string;
}

/** The mock's whole in-memory account, exposed so tests can read and arrange it. */
export interface MockStore {
  preferences: MockPreference[];
  dataFields: MockDataField[];
  addressBooks: MockAddressBook[];
  /** Contacts by lower-cased email. */
  contacts: Map<string, MockContact>;
  nextContactId: number;
  /** Confirmation emails, oldest first. */
  outbox: MockEmail[];
  /** The latest API calls (at most {@link MAX_LOGGED_CALLS}), oldest first. */
  requests: MockApiCall[];
}

/** How many API calls the store remembers for the human page. */
export const MAX_LOGGED_CALLS = 50;

/** Options for the account's starting data. */
export interface MockStoreOptions {
  preferences?: MockPreference[];
  dataFields?: MockDataField[];
  addressBooks?: MockAddressBook[];
  /** Addresses on the account's suppression list: writing them fails with `ERROR_CONTACT_SUPPRESSED`. */
  suppressed?: string[];
}

/** A fresh store seeded with the demo account (or the given data). */
export function createMockStore(options: MockStoreOptions = {}): MockStore {
  const dataFields = structuredClone(options.dataFields ?? demoDataFields());
  const tooLong = dataFields.find((field) => field.name.length > 20);
  if (tooLong) {
    throw new TypeError(`createMockDotdigital: data field "${tooLong.name}" is longer than 20 characters, which Dotdigital does not allow — shorten its name.`);
  }
  const store: MockStore = {
    preferences: structuredClone(options.preferences ?? demoPreferences()),
    dataFields,
    addressBooks: structuredClone(options.addressBooks ?? demoAddressBooks()),
    contacts: new Map(),
    nextContactId: 1,
    outbox: [],
    requests: [],
  };
  for (const email of options.suppressed ?? []) newContact(store, email).status = 'Suppressed';
  return store;
}

/** Adds a contact with no data, subscribed, and returns it. */
export function newContact(store: MockStore, email: string): MockContact {
  const contact: MockContact = {
    id: store.nextContactId++, email, optInType: 'Unknown', emailType: 'Html', status: 'Subscribed',
    dataFields: new Map(), consentRecords: [], optedIn: new Set(), addressBooks: new Set(),
  };
  store.contacts.set(email.toLowerCase(), contact);
  return contact;
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

/** True for a contact that must not be written to: unsubscribed or on the suppression list. */
export function isSuppressed(contact: MockContact | undefined): boolean {
  return contact?.status === 'Unsubscribed' || contact?.status === 'Suppressed';
}

/** Every preference (not category) in the tree, flattened. */
export function allPreferences(tree: MockPreference[]): MockPreference[] {
  return tree.flatMap((item) => (item.isPreference ? [item] : (item.preferences ?? [])));
}
