import { isEmptyValue, type ContactWrite } from './build-contact-body.js';
import type { HeldContact } from './dotdigital-types.js';
import { resubscribeStep } from './returning-contact.js';

/**
 * What one signup does to Dotdigital, decided from what Dotdigital holds for the address:
 * - `create` — no contact yet: the v2 write (ticked preferences, data fields, consent record);
 * - `update` — an existing contact, changed only as its owner would: ticked preferences added
 *   (none taken away), empty data fields filled (none overwritten);
 * - `leave` — nothing to change;
 * - `resubscribe` — it unsubscribed: Dotdigital's resubscribe flow, a confirmation email;
 * - `cannot_come_back` — suppressed, bounced, complained (or a status never met): nothing.
 * `sendsEmail`: the step may make Dotdigital email the address (a double opt-in confirmation,
 * a reminder of one, a resubscribe challenge), so it spends one of the address's emails.
 * `pending`: the visitor is answered `202 pending_confirmation` (else `201 subscribed`): on a
 * double opt-in account always, and for every contact who left or waits for a confirmation
 * (challenged or not, limited or not), so the answer never tells an address's history apart.
 */
export type SignupPlan = { pending: boolean } & (
  | { step: 'create' | 'update'; sendsEmail: boolean }
  | { step: 'leave'; sendsEmail: false }
  | { step: 'resubscribe'; sendsEmail: true }
  | { step: 'cannot_come_back'; sendsEmail: false; status: string }
);

/**
 * The one place that decides how a signup may change a contact: nobody acts on someone else's
 * contact. A subscribed contact on a double opt-in account is left exactly as it is (Dotdigital
 * would send it no confirmation, so there is no owner's click to wait for); on a single opt-in
 * account it may gain opt-ins and fill empty fields (the site chose that anyone may subscribe
 * any address), and is left alone when the signup adds nothing. A contact still waiting for its
 * confirmation is sent a reminder (a person who lost the email signs up again), limited per
 * address like every email.
 *
 * @example
 * planSignup(undefined, singleOptInWrite, undefined); // { step: 'create', sendsEmail: false, pending: false }
 * planSignup({ status: 'subscribed', … }, doubleOptInWrite, undefined); // { step: 'leave', sendsEmail: false, pending: true }
 */
export function planSignup(held: HeldContact | undefined, write: ContactWrite, addressBookId: number | undefined, storeConsent = false): SignupPlan {
  const double = write.optInType === 'VerifiedDouble';
  if (held === undefined) return { step: 'create', sendsEmail: double, pending: double };
  const status = held.status.toLowerCase();
  if (status === 'subscribed') {
    // storeConsent: this very signup's import made the contact what it is; only its consent record is missing.
    const update = storeConsent || (!double && addsSomething(held, write, addressBookId));
    return update ? { step: 'update', sendsEmail: false, pending: double } : { step: 'leave', sendsEmail: false, pending: double };
  }
  // Waiting for a confirmation: a double opt-in, or a resubscribe challenge (v3 says both alike).
  if (status === 'pendingoptin') return { step: 'update', sendsEmail: true, pending: true };
  if (resubscribeStep(held.status) === 'resubscribe') return { step: 'resubscribe', sendsEmail: true, pending: true };
  return { step: 'cannot_come_back', sendsEmail: false, status: held.status, pending: true };
}

// A single opt-in signup for a subscribed contact changes something only by adding: an opt-in it lacks, a field it has empty, the list.
function addsSomething(held: HeldContact, write: ContactWrite, addressBookId: number | undefined): boolean {
  const optedIn = held.optedIn;
  return (
    [...write.ticked].some((id) => optedIn === undefined || !optedIn.has(id)) ||
    write.dataFields.some(({ key }) => isEmptyValue(held.dataFields[key.toUpperCase()])) ||
    (addressBookId !== undefined && !held.lists.includes(addressBookId))
  );
}
