import { isSuppressed } from '../account/mock-contact-status.js';
import type { ConsentKey, MockConsentRecord, MockContact } from '../account/mock-contact.js';
import { newContact } from '../account/mock-store.js';
import { MockApiError } from '../wire/mock-api-error.js';
import type { ContactInput } from '../wire/mock-contact-input.js';
import { apiTime } from '../wire/mock-json.js';
import { optedInOnly } from '../wire/mock-preferences.js';
import { applyOptIn, type OptInContext } from './mock-subscription.js';

/** The account settings a contact write obeys. */
export interface WriteContext extends OptInContext {
  /** `refuse` (the v2 API): ERROR_CONTACT_SUPPRESSED; `keep-status`: accept the data, status stays. */
  suppressedWrites: 'refuse' | 'keep-status';
}

/** What a write adds beyond the contact itself. */
export interface WriteExtras {
  consentRecords?: Array<Partial<Record<ConsentKey, string>>>;
  /** Named preferences; every other one is opted out (the with-consent-and-preferences rule). */
  preferences?: Map<number, boolean>;
  addressBookId?: number;
  /** Send a pending contact another confirmation email. Default true (a new signup). */
  remind?: boolean;
}

/**
 * Creates or updates (by email, case-insensitively — never a duplicate) a contact: data in
 * the request overwrites what is held, consent records are added, preferences replaced.
 * A suppressed or unsubscribed contact is refused with ERROR_CONTACT_SUPPRESSED.
 */
export function writeContact(ctx: WriteContext, input: ContactInput, extras: WriteExtras = {}): { contact: MockContact; added: MockConsentRecord[] } {
  const existing = ctx.store.contacts.get(input.email.toLowerCase());
  if (isSuppressed(existing) && ctx.suppressedWrites === 'refuse') {
    throw new MockApiError(400, 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED');
  }
  const previous = existing?.status;
  const contact = existing ?? newContact(ctx.store, input.email);
  if (input.emailType) contact.emailType = input.emailType;
  for (const [key, value] of input.dataFields) contact.dataFields.set(key, value);
  const created = apiTime(ctx.now);
  const added = (extras.consentRecords ?? []).map((fields) => ({ id: crypto.randomUUID(), fields, created }));
  contact.consentRecords.push(...added);
  if (extras.preferences) contact.optedIn = optedInOnly(extras.preferences);
  if (extras.addressBookId !== undefined) contact.addressBooks.add(extras.addressBookId);
  if (!isSuppressed(contact)) applyOptIn(ctx, contact, input.optInType, previous, extras.remind ?? true);
  return { contact, added };
}
