import { cannotComeBack } from '../account/mock-contact-status.js';
import type { MockContact } from '../account/mock-contact.js';
import { findContact, newContact, type MockEmail, type MockStore } from '../account/mock-store.js';
import { apiTime } from '../wire/mock-json.js';

/** What the opt-in rules need to know about the account and the moment. */
export interface OptInContext {
  store: MockStore;
  now: Date;
  /** The account setting that makes every API signup double opt-in. */
  forceDoubleOptIn: boolean;
  /** Origin the confirmation link points at (the mock's own address). */
  linkBase: string;
}

/** The contact's status before this write (`undefined`: a new contact). */
export type PreviousStatus = MockContact['status'] | undefined;

/**
 * Applies the requested opt-in type as Dotdigital does: `VerifiedDouble` (or an account
 * that forces double opt-in) leaves the contact `Double`/`PendingOptIn` and sends the
 * confirmation email; anything else subscribes at once and stamps LASTSUBSCRIBED.
 * A contact already subscribed is not asked to confirm again; one still pending is sent a
 * new email only when `remind` (a new signup does, adding it to an address book does not).
 * `locale`: the language the email is asked for in (a v3 write's `preferredLocale`).
 */
export function applyOptIn(ctx: OptInContext, contact: MockContact, requested: MockContact['optInType'] | undefined, previous: PreviousStatus, remind: boolean, locale?: string): void {
  const wantsDouble = ctx.forceDoubleOptIn || requested === 'VerifiedDouble';
  const wasSubscribed = previous === 'Subscribed';
  if (wantsDouble) {
    if (wasSubscribed || (previous === 'PendingOptIn' && !remind)) return;
    contact.status = 'PendingOptIn';
    contact.optInType = 'Double';
    sendConfirmation(ctx, contact, locale ? { locale } : {});
    return;
  }
  if (requested) contact.optInType = requested;
  if (!wasSubscribed) {
    contact.status = 'Subscribed';
    contact.dataFields.set('LASTSUBSCRIBED', apiTime(ctx.now));
  }
}

/** Puts a confirmation email in the outbox: a double opt-in, or a resubscribe challenge. */
export function sendConfirmation(ctx: OptInContext, contact: MockContact, extras: Pick<MockEmail, 'kind' | 'returnUrl' | 'addressBookId' | 'locale'> = {}): void {
  const id = crypto.randomUUID();
  const link = `${ctx.linkBase}/_mock/confirm/${id}`;
  const again = extras.kind === 'resubscribe';
  ctx.store.outbox.push({
    id,
    to: contact.email,
    subject: again ? 'Please confirm you want to subscribe again' : 'Please confirm your subscription',
    text: `Hello,\n\nPlease confirm you want to receive our emails${again ? ' again' : ''} by following this link:\n${link}\n\nIf you did not ask to subscribe, ignore this email.`,
    link,
    sentAt: apiTime(ctx.now),
    ...extras,
  });
}

/**
 * Follows a confirmation link: the pending contact becomes `Subscribed` (`VerifiedDouble` for
 * a double opt-in) and joins the address book the email names. Returns the contact and the
 * email, or `undefined` for a link the mock never sent.
 */
export function confirmSubscription(store: MockStore, emailId: string, now: Date): { contact: MockContact | undefined; email: MockEmail } | undefined {
  const email = store.outbox.find((candidate) => candidate.id === emailId);
  if (!email) return undefined;
  const contact = findContact(store, email.to);
  if (contact?.status === 'PendingOptIn') {
    contact.status = 'Subscribed';
    contact.optInType = 'VerifiedDouble';
    contact.resubscribing = false;
    contact.dataFields.set('LASTSUBSCRIBED', apiTime(now));
    if (email.addressBookId !== undefined) contact.addressBooks.add(email.addressBookId);
  }
  return { contact, email };
}

/**
 * Unsubscribes an address (creating the contact if needed), as a click on an unsubscribe link
 * would. A suppressed, hard-bounced or complained contact keeps that stronger status.
 */
export function unsubscribeContact(store: MockStore, email: string): MockContact {
  const contact = findContact(store, email) ?? newContact(store, email.trim());
  if (!cannotComeBack(contact)) contact.status = 'Unsubscribed';
  contact.resubscribing = false;
  return contact;
}
