import type { SignupLogger } from '../shared/signup-logger.js';
import type { ContactWrite } from './build-contact-body.js';
import { buildV3ContactBody } from './build-v3-contact-body.js';
import { DotdigitalApiError } from './dotdigital-api-error.js';
import type { DotdigitalClient } from './dotdigital-client.js';
import { FAILURE_TABLE, failureKind, unknownAddressBookText } from './failure-table.js';
import { resubscribeResult, resubscribeStep, type ResubscribeResult } from './returning-contact.js';
import type { Retrying } from './with-retries.js';

/** What {@link resubscribeContact} needs: the submit step's parts. */
export interface ResubscribeDeps {
  client: Pick<DotdigitalClient, 'getContactStatus' | 'upsertContact'>;
  retrying: Retrying;
  logger: SignupLogger | undefined;
  addressBookId: number | undefined;
  /** The contact's reference for logs (never the address). */
  ref: string;
}

/** A returning contact's signup: challenged or resubscribed at once (`cannot_come_back` is thrown as `cannot_resubscribe`). */
export interface ReturningOutcome {
  kind: 'returning';
  result: Exclude<ResubscribeResult, 'cannot_come_back'>;
  /** The contact's v3 email status after the write. */
  status: string;
}

/**
 * Brings back a contact who unsubscribed (or one the v2 write refused as unsubscribed or
 * suppressed) through v3: reads its email status unless `status` is already known, and (when
 * {@link resubscribeStep} says it can come back) sends one
 * `PATCH /contacts/v3/email/{email}` carrying the new consent record, the preferences the form
 * ticked, the data fields (filling only empty ones), the address book as `lists` and `resubscribeOptions` — so Dotdigital
 * emails them a link to confirm. A contact who cannot come back is neither written nor emailed:
 * that is thrown as `cannot_resubscribe` (its failure-table row logs it and answers it).
 *
 * @example
 * const outcome = await resubscribeContact(deps, write, deadline); // { kind: 'returning', result: 'challenged', status: 'pendingOptIn' }
 */
export async function resubscribeContact(deps: ResubscribeDeps, write: ContactWrite, deadline: number, status?: string): Promise<ReturningOutcome> {
  const { client, retrying, logger, ref, addressBookId } = deps;
  const before = status ?? (await retrying(() => client.getContactStatus(write.email), deadline));
  if (resubscribeStep(before) === 'cannot_come_back') throw cannotComeBack(before ?? 'notFound');
  const body = buildV3ContactBody(write, addressBookId);
  if (!body.consentRecords) logger?.warn('Resubscribed without a consent record: Dotdigital v3 takes one only with the visitor\'s IP address and user agent, and one was unknown', { contact: ref });
  let after: { status: string };
  try {
    after = await retrying(() => client.upsertContact(body), deadline);
  } catch (error) {
    // As for a new contact (submitSignup): a wrong addressBookId must not keep someone from coming back.
    if (!body.lists || failureKind(error) !== 'unknown_address_book') throw error;
    logger?.error(unknownAddressBookText(addressBookId), { contact: ref, addressBookId, kind: 'unknown_address_book' });
    const { lists: _, ...withoutList } = body;
    after = await retrying(() => client.upsertContact(withoutList), deadline);
  }
  const result = resubscribeResult(after.status);
  if (result === 'cannot_come_back') throw cannotComeBack(after.status);
  logger?.info(result === 'challenged' ? 'Returning subscriber: Dotdigital asked them to confirm by email' : 'Returning subscriber: resubscribed', { contact: ref, status: after.status });
  return { kind: 'returning', result, status: after.status };
}

function cannotComeBack(status: string): DotdigitalApiError {
  return new DotdigitalApiError(200, undefined, `Dotdigital cannot resubscribe a contact whose status is ${status}.`, undefined, { kind: 'cannot_resubscribe', contactStatus: status });
}
