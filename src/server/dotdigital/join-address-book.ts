import type { SignupLogger } from '../shared/signup-logger.js';
import type { ContactWrite } from './build-contact-body.js';
import type { DotdigitalClient } from './dotdigital-client.js';
import { failureKind, unknownAddressBookText } from './failure-table.js';
import type { Retrying } from './with-retries.js';

/** What {@link joinAddressBook} needs: the submit step's parts. */
export interface JoinDeps {
  client: Pick<DotdigitalClient, 'addContactToAddressBook'>;
  retrying: Retrying;
  logger: SignupLogger | undefined;
  ref: string;
  addressBookId: number | undefined;
}

/**
 * Adds a contact just written to the configured address book (none configured: nothing). A
 * failure is logged, never thrown: the contact and its consent are stored, and a failed list
 * membership must not turn that into a failed signup.
 *
 * @example
 * await joinAddressBook(deps, write, deadline);
 */
export async function joinAddressBook(deps: JoinDeps, write: ContactWrite, deadline: number): Promise<void> {
  const { client, retrying, logger, ref, addressBookId } = deps;
  if (addressBookId === undefined) return;
  // The same opt-in type as the write: for a contact already pending, Dotdigital sends no second confirmation
  // (assumed, as the mock plays it); a weaker type here could subscribe someone who has not confirmed.
  try {
    await retrying(() => client.addContactToAddressBook(addressBookId, { email: write.email, optInType: write.optInType }), deadline);
  } catch (error) {
    const kind = failureKind(error);
    logger?.error(
      kind === 'unknown_address_book' ? unknownAddressBookText(addressBookId) : 'Could not add the contact to the address book; it is signed up with its consent but not in the list',
      { contact: ref, addressBookId, kind },
    );
  }
}
