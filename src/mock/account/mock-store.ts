import type { MockContact, MockContactStatus } from './mock-contact.js';
import type { MockImport } from './mock-import.js';
import { demoAddressBooks, demoDataFields, demoPreferences, type MockAddressBook, type MockDataField, type MockPreference } from './mock-seed.js';

/** An email the mock "sent": a double opt-in or resubscribe confirmation, with the link that confirms. */
export interface MockEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** Follow it (GET) to confirm the subscription, as the contact would by clicking. */
  link: string;
  sentAt: string;
  /** `optIn` (default when absent): a double opt-in signup; `resubscribe`: a resubscribe challenge. */
  kind?: 'optIn' | 'resubscribe';
  /** Where the link redirects once it has resubscribed the contact (`returnUrlToUseIfChallenged`). */
  returnUrl?: string;
  /** The address book the contact joins once the link is followed (the address-book resubscribe call). */
  addressBookId?: number;
  /** The language the email was asked for in (`preferredLocale`, e.g. `de-DE`); absent: the account's. */
  locale?: string;
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
  /** v3 bulk imports, oldest first. */
  imports: MockImport[];
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
  /** Addresses that hard-bounced: refused like suppressed ones, and they cannot be resubscribed. */
  hardBounced?: string[];
  /** Addresses whose owner complained (marked as spam): refused, and they cannot be resubscribed. */
  complained?: string[];
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
    imports: [],
  };
  seedStatuses(store, options);
  return store;
}

/** Adds the option's suppressed, hard-bounced and complained addresses (again after a reset). */
export function seedStatuses(store: MockStore, options: MockStoreOptions): void {
  const seeds: Array<[string[] | undefined, MockContactStatus]> = [[options.suppressed, 'Suppressed'], [options.hardBounced, 'HardBounced'], [options.complained, 'IspComplained']];
  for (const [emails, status] of seeds) for (const email of emails ?? []) (findContact(store, email) ?? newContact(store, email)).status = status;
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

/** Every preference (not category) in the tree, flattened. */
export function allPreferences(tree: MockPreference[]): MockPreference[] {
  return tree.flatMap((item) => (item.isPreference ? [item] : (item.preferences ?? [])));
}
