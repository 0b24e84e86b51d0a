import { cannotComeBack } from '../account/mock-contact-status.js';
import type { MockContact } from '../account/mock-contact.js';
import type { MockChallengeLimit } from '../account/mock-options.js';
import { apiTime } from '../wire/mock-json.js';
import { sendConfirmation, type OptInContext } from './mock-subscription.js';

/** The default challenge limit: 3 emails per contact per 24 hours. */
export const DEFAULT_CHALLENGE_LIMIT: MockChallengeLimit = { max: 3, windowMs: 86_400_000 };

/** What the resubscribe rules need: the opt-in context plus the challenge limit. */
export interface ResubscribeContext extends OptInContext {
  challengeLimit: MockChallengeLimit;
}

/** The `status` of a v2 resubscribe answer. */
export type ResubscribeStatus = 'ContactAdded' | 'ContactChallenged' | 'ContactCannotBeUnsuppressed';

/** How a contact asked to come back: with a challenge email (the default) or without. */
export interface ResubscribeRequest {
  challenge: boolean;
  returnUrl?: string;
  addressBookId?: number;
  /** The language of the challenge email (`preferredLocale`, as Dotdigital spells it). */
  locale?: string;
}

/**
 * Brings a contact back as Dotdigital's resubscribe calls do. Suppressed, hard-bounced and
 * complained contacts cannot come back. Without a challenge (and when the account does not
 * force double opt-in) the contact is subscribed at once. With one, the contact waits
 * `PendingOptIn` (still refused by the v2 writes) for the link in a challenge email; a
 * contact already challenged `max` times in the window gets no new email but the same answer.
 */
export function resubscribe(ctx: ResubscribeContext, contact: MockContact, request: ResubscribeRequest): ResubscribeStatus {
  if (cannotComeBack(contact)) return 'ContactCannotBeUnsuppressed';
  const join = () => request.addressBookId !== undefined && contact.addressBooks.add(request.addressBookId);
  if (contact.status === 'Subscribed') {
    join();
    return 'ContactAdded';
  }
  if (!request.challenge && !ctx.forceDoubleOptIn) {
    contact.status = 'Subscribed';
    contact.resubscribing = false;
    contact.dataFields.set('LASTSUBSCRIBED', apiTime(ctx.now));
    join();
    return 'ContactAdded';
  }
  if (contact.status === 'Unsubscribed') contact.resubscribing = true;
  contact.status = 'PendingOptIn';
  contact.optInType = 'Double';
  const since = ctx.now.getTime() - ctx.challengeLimit.windowMs;
  const sent = (contact.challengesSent ?? []).filter((at) => at > since);
  if (sent.length < ctx.challengeLimit.max) {
    sent.push(ctx.now.getTime());
    sendConfirmation(ctx, contact, {
      kind: 'resubscribe',
      ...(request.returnUrl ? { returnUrl: request.returnUrl } : {}),
      ...(request.addressBookId !== undefined ? { addressBookId: request.addressBookId } : {}),
      ...(request.locale ? { locale: request.locale } : {}),
    });
  }
  contact.challengesSent = sent;
  return 'ContactChallenged';
}
