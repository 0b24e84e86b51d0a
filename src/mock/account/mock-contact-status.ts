import type { MockContact } from './mock-contact.js';

// The status rules in one place: who the v2 writes refuse, and who can never come back.

/**
 * True for a contact the v2 writes must refuse: unsubscribed (including one whose resubscribe
 * challenge is still unanswered), suppressed, hard-bounced or complained.
 */
export function isSuppressed(contact: MockContact | undefined): boolean {
  return contact !== undefined && (contact.resubscribing === true || (contact.status !== 'Subscribed' && contact.status !== 'PendingOptIn'));
}

/** True for a contact that can never come back: suppression list, hard bounce, complaint. */
export function cannotComeBack(contact: MockContact | undefined): boolean {
  return contact?.status === 'Suppressed' || contact?.status === 'HardBounced' || contact?.status === 'IspComplained';
}
