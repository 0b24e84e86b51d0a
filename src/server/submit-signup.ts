import { buildContactBody, type ContactWrite } from './build-contact-body.js';
import type { DefinitionSnapshot } from './definition-snapshot.js';
import { DotdigitalApiError } from './dotdigital/dotdigital-api-error.js';
import type { DotdigitalClient } from './dotdigital/dotdigital-client.js';
import type { ContactWriteResult } from './dotdigital/dotdigital-types.js';
import type { SignupLogger } from './signup-handler-options.js';
import { upstreamErrorKind } from './upstream-error-kind.js';
import { UpstreamGaveUp, type Retrying } from './with-retries.js';

/** How a signup went upstream: written (pending confirmation or not), or not subscribable. */
export type SubmitOutcome = { kind: 'written'; pending: boolean } | { kind: 'not_subscribed'; status: string };

/** What {@link submitSignup} needs. */
export interface SubmitDeps {
  client: DotdigitalClient;
  retrying: Retrying;
  logger: SignupLogger | undefined;
  addressBookId: number | undefined;
  /** The contact's reference for logs (never the address). */
  ref: string;
}

/**
 * Sends one checked signup to Dotdigital: reads the contact's current preferences when the
 * form does not show them all (so hidden ones keep their value), writes the contact with
 * its consent record, then adds it to the address book when one is configured.
 * Throws the client's errors (or `UpstreamGaveUp`) for the handler to answer.
 *
 * @example
 * const outcome = await submitSignup(deps, write, snapshot, clock.now() + 8_000);
 */
export async function submitSignup(deps: SubmitDeps, write: ContactWrite, snapshot: DefinitionSnapshot, deadline: number): Promise<SubmitOutcome> {
  const { client, retrying, logger, ref } = deps;
  const current = snapshot.showsAll ? undefined : await retrying(() => client.getContactPreferences(write.email), deadline);
  const body = buildContactBody(write, snapshot.accountTree, current);
  let written: ContactWriteResult;
  try {
    written = await retrying(() => client.createContactWithConsentAndPreferences(body), deadline);
  } catch (error) {
    // Refused as suppressed, or written but left Unsubscribed/Suppressed: the client says both as one kind.
    if (error instanceof DotdigitalApiError && error.kind === 'suppressed') return { kind: 'not_subscribed', status: error.contactStatus ?? 'Suppressed' };
    throw error;
  }
  if (written.status === 'PendingOptIn' && write.optInType === 'Single') {
    logger?.warn('Dotdigital made a single opt-in signup pending: your account forces double opt-in for API signups, so set optInType to VerifiedDouble', { contact: ref });
  }
  if (deps.addressBookId !== undefined) {
    const addressBookId = deps.addressBookId;
    // The same opt-in type as the write: for a contact already pending, Dotdigital sends no second confirmation
    // (assumed, as the mock plays it); a weaker type here could subscribe someone who has not confirmed.
    try {
      await retrying(() => client.addContactToAddressBook(addressBookId, { email: write.email, optInType: write.optInType }), deadline);
    } catch (error) {
      // The contact and its consent are stored; a failed list membership must not turn that into a failure.
      const kind = error instanceof UpstreamGaveUp ? error.kind : upstreamErrorKind(error);
      logger?.error(
        kind === 'unknown_address_book'
          ? `Address book ${addressBookId} does not exist in Dotdigital: fix addressBookId (Contacts → Lists shows the ids)`
          : 'Could not add the contact to the address book; it is signed up with its consent but not in the list',
        { contact: ref, addressBookId, kind },
      );
    }
  }
  return { kind: 'written', pending: written.status === 'PendingOptIn' };
}
