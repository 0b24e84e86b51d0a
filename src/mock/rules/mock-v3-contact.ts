import { cannotComeBack } from '../account/mock-contact-status.js';
import type { MockContact } from '../account/mock-contact.js';
import type { V3ContactInput, V3MergeOption } from '../account/mock-import.js';
import { allPreferences, findContact, newContact, type MockStore } from '../account/mock-store.js';
import { apiTime, v3ConsentRecord } from '../wire/mock-json.js';
import type { WriteContext } from './mock-contact-write.js';
import { resubscribe, type ResubscribeContext } from './mock-resubscribe.js';
import { applyOptIn } from './mock-subscription.js';

/** The account settings a v3 write obeys. */
export type V3WriteContext = WriteContext & ResubscribeContext;

/**
 * Creates or updates a contact the v3 way (`PATCH /contacts/v3/email/…`, one import entry):
 * only the passed fields change — preferences not named keep their value — consent records
 * are added, lists joined. Suppressed, hard-bounced and complained contacts are written but
 * keep their status. An unsubscribed contact comes back only when the request says
 * `status: "subscribed"` with `resubscribeOptions`; otherwise its status is kept.
 * `sendOptInEmail: false` plays an account whose imports send no double opt-in email: a
 * `verifiedDouble` contact is subscribed at once (unless the account forces double opt-in).
 */
export function writeV3Contact(ctx: V3WriteContext, input: V3ContactInput, merge: V3MergeOption, sendOptInEmail = true): { contact: MockContact; created: boolean } {
  const existing = findContact(ctx.store, input.email);
  const previous = existing?.status;
  const contact = existing ?? newContact(ctx.store, input.email);
  for (const [key, value] of input.dataFields) {
    const held = contact.dataFields.get(key);
    const empty = (v: unknown) => v === null || v === undefined || v === '';
    if (merge === 'overwrite' || (merge === 'overwriteIfNotEmpty' && !empty(value)) || (merge === 'overwriteIfEmpty' && empty(held))) contact.dataFields.set(key, value);
  }
  if (input.emailType) contact.emailType = input.emailType;
  for (const id of input.lists) contact.addressBooks.add(id);
  for (const [id, optedIn] of input.preferences) {
    if (optedIn) contact.optedIn.add(id);
    else contact.optedIn.delete(id);
  }
  const created = apiTime(ctx.now);
  contact.consentRecords.push(...input.consentRecords.map((fields) => ({ id: crypto.randomUUID(), fields, created })));

  if (cannotComeBack(contact)) return { contact, created: !existing };
  if (input.status === 'unsubscribed') {
    contact.status = 'Unsubscribed';
    contact.resubscribing = false;
  } else if (previous === 'Unsubscribed' || contact.resubscribing) {
    if (input.status === 'subscribed' && input.resubscribe) {
      const { noChallenge, redirectUrl, preferredLocale } = input.resubscribe;
      resubscribe(ctx, contact, { challenge: !noChallenge, ...(redirectUrl ? { returnUrl: redirectUrl } : {}), ...(preferredLocale ? { locale: preferredLocale } : {}) });
    }
  } else if (input.optInType === 'VerifiedDouble' && !sendOptInEmail && !ctx.forceDoubleOptIn) {
    if (previous !== 'Subscribed') contact.dataFields.set('LASTSUBSCRIBED', created);
    contact.status = 'Subscribed';
    contact.optInType = 'VerifiedDouble';
  } else {
    // The double opt-in email in the language the write asked for (assumed: Dotdigital documents
    // preferredLocale for resubscribe challenges; the mock lets it name this email's language too).
    applyOptIn(ctx, contact, input.optInType, previous, true, input.resubscribe?.preferredLocale);
  }
  return { contact, created: !existing };
}

const camel = (value: string) => value[0]!.toLowerCase() + value.slice(1);

/** A contact as the v3 calls answer it: camelCase statuses, data fields as an object. */
export function v3ContactJson(store: MockStore, contact: MockContact): Record<string, unknown> {
  const names = [...store.dataFields.map((field) => field.name), 'LASTSUBSCRIBED'].sort();
  return {
    contactId: contact.id,
    status: camel(contact.status),
    identifiers: { email: contact.email },
    dataFields: Object.fromEntries(names.map((name) => [name, contact.dataFields.get(name) ?? null])),
    channelProperties: { email: { status: camel(contact.status), emailType: contact.emailType === 'Html' ? 'html' : 'plainText', optInType: camel(contact.optInType) } },
    lists: [...contact.addressBooks].map((id) => ({ id, name: store.addressBooks.find((book) => book.id === id)?.name ?? '' })),
    preferences: allPreferences(store.preferences).map((preference) => ({ id: preference.id, isOptedIn: contact.optedIn.has(preference.id) })),
    consentRecords: contact.consentRecords.map(v3ConsentRecord),
  };
}
