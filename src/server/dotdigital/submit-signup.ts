import type { SignupLogger } from '../shared/signup-logger.js';
import { buildContactBody, type ContactWrite } from './build-contact-body.js';
import { DotdigitalApiError } from './dotdigital-api-error.js';
import type { DotdigitalClient, DotdigitalPreference } from './dotdigital-client.js';
import type { ContactWriteResult } from './dotdigital-types.js';
import { FAILURE_TABLE, failureKind, unknownAddressBookText } from './failure-table.js';
import { resubscribeContact, type ReturningOutcome } from './resubscribe-contact.js';
import type { Retrying } from './with-retries.js';

/**
 * How a signup went upstream: written (pending confirmation or not); a returning contact
 * challenged or resubscribed; or one who cannot come back (`status`: why, e.g. `hardBounced`).
 * The visitor's answer for the last two is the same, whatever the reason.
 */
export type SubmitOutcome = { kind: 'written'; pending: boolean } | ReturningOutcome | { kind: 'not_subscribed'; status: string };

/** What {@link submitSignup} needs. */
export interface SubmitDeps {
  client: Pick<DotdigitalClient, 'getContactPreferences' | 'createContactWithConsentAndPreferences' | 'addContactToAddressBook' | 'getContactStatus' | 'upsertContact'>;
  retrying: Retrying;
  logger: SignupLogger | undefined;
  addressBookId: number | undefined;
  /** The contact's reference for logs (never the address). */
  ref: string;
}

/**
 * Sends one checked signup to Dotdigital, live or from the queue alike: reads the contact's
 * current preferences first when the form did not show every preference the account has
 * (decided here and only here, so hidden ones keep their value), writes the contact with its
 * consent record, then adds it to the address book when one is configured. A contact the
 * write refuses as unsubscribed or suppressed goes through Dotdigital's resubscribe flow
 * (resubscribeContact); one who cannot come back is logged by reference with the reason.
 * Throws the client's errors (or `UpstreamGaveUp`) for the caller to look up in the failure table.
 *
 * @example
 * const outcome = await submitSignup(deps, write, snapshot.accountTree, clock.now() + 8_000);
 */
export async function submitSignup(deps: SubmitDeps, write: ContactWrite, accountTree: DotdigitalPreference[], deadline: number): Promise<SubmitOutcome> {
  const { client, retrying, logger, ref } = deps;
  const current = showedAll(write, accountTree) ? undefined : await retrying(() => client.getContactPreferences(write.email), deadline);
  const body = buildContactBody(write, accountTree, current);
  let written: ContactWriteResult;
  try {
    written = await retrying(() => client.createContactWithConsentAndPreferences(body), deadline);
  } catch (error) {
    // Refused as suppressed, or written but left Unsubscribed/Suppressed: the client says both as one kind.
    if (!FAILURE_TABLE[failureKind(error)].resubscribe) throw error;
    logger?.[FAILURE_TABLE.suppressed.log.level](FAILURE_TABLE.suppressed.log.text, { contact: ref, ...reason(error) });
    try {
      return await resubscribeContact(deps, write, deadline);
    } catch (failure) {
      const row = FAILURE_TABLE[failureKind(failure)];
      if (row.answer !== 'pending_confirmation') throw failure;
      logger?.[row.log.level](row.log.text, { contact: ref, ...reason(failure) });
      return { kind: 'not_subscribed', status: (failure as DotdigitalApiError).contactStatus ?? 'unknown' };
    }
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
      const kind = failureKind(error);
      logger?.error(
        kind === 'unknown_address_book'
          ? unknownAddressBookText(addressBookId)
          : 'Could not add the contact to the address book; it is signed up with its consent but not in the list',
        { contact: ref, addressBookId, kind },
      );
    }
  }
  return { kind: 'written', pending: written.status === 'PendingOptIn' };
}

// Why Dotdigital would not take the contact, for the operator: the status it gave, or its error token.
const reason = (error: unknown) => (error instanceof DotdigitalApiError ? { reason: error.contactStatus ?? error.token ?? error.kind } : {});

// The visitor saw (and so chose) every preference the account has: nothing of the contact's to keep.
function showedAll(write: ContactWrite, accountTree: DotdigitalPreference[]): boolean {
  return accountTree.every((item) => (item.isPreference ? write.shown.has(item.id) : (item.preferences ?? []).every((p) => write.shown.has(p.id))));
}
