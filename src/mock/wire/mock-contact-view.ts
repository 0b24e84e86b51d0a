import type { MockContact, MockContactStatus } from '../account/mock-contact.js';
import type { MockStore } from '../account/mock-store.js';
import { v3ConsentRecord } from './mock-json.js';

/** A contact as `GET /_mock/contacts/{email}` answers it: the mock's own view, flat JSON for any language. */
export interface MockContactView {
  id: number;
  email: string;
  status: MockContactStatus;
  optInType: MockContact['optInType'];
  emailType: MockContact['emailType'];
  /** The data fields it holds, by name (LASTSUBSCRIBED included once set). */
  dataFields: Record<string, string | number | boolean | null>;
  /** Every preference of the account (categories flattened), in the account's order. */
  preferences: Array<{ id: number; name: string; category?: string; optedIn: boolean }>;
  /** Address-book ids, ascending. */
  addressBooks: number[];
  /** Stored consent records, oldest first, in v3's names (`null`: not recorded); `created` is when the mock stored it. */
  consentRecords: Array<ReturnType<typeof v3ConsentRecord> & { created: string }>;
}

/**
 * What the mock holds for one contact, as plain JSON: for tests in other languages or
 * processes, which cannot read `mock.store`.
 *
 * @example
 * contactView(store, store.contacts.get('ann@example.com')!).preferences.filter((p) => p.optedIn);
 */
export function contactView(store: MockStore, contact: MockContact): MockContactView {
  return {
    id: contact.id,
    email: contact.email,
    status: contact.status,
    optInType: contact.optInType,
    emailType: contact.emailType,
    dataFields: Object.fromEntries(contact.dataFields),
    preferences: store.preferences.flatMap((item) =>
      item.isPreference
        ? [{ id: item.id, name: item.publicName, optedIn: contact.optedIn.has(item.id) }]
        : (item.preferences ?? []).map((child) => ({ id: child.id, name: child.publicName, category: item.publicName, optedIn: contact.optedIn.has(child.id) })),
    ),
    addressBooks: [...contact.addressBooks].sort((a, b) => a - b),
    consentRecords: contact.consentRecords.map((record) => ({ ...v3ConsentRecord(record), created: record.created })),
  };
}
