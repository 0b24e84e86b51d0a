import type { AddressLimits } from '../http/address-limits.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import { buildContactBody, type ContactWrite } from './build-contact-body.js';
import { DotdigitalApiError } from './dotdigital-api-error.js';
import type { DotdigitalClient, DotdigitalPreference } from './dotdigital-client.js';
import type { ContactWriteResult, HeldContact } from './dotdigital-types.js';
import { FAILURE_TABLE, failureKind } from './failure-table.js';
import { joinAddressBook } from './join-address-book.js';
import { resubscribeContact, type ReturningOutcome } from './resubscribe-contact.js';
import { planSignup } from './signup-plan.js';
import type { Retrying } from './with-retries.js';

/**
 * How a signup went upstream: written (pending confirmation or not); left unchanged (nothing to
 * add, or the address's limit reached: `limited`); a returning contact challenged or
 * resubscribed; or one who cannot come back (`status`: why, e.g. `hardBounced`). The visitor's
 * answer for the last two is the same, whatever the reason.
 */
export type SubmitOutcome =
  | { kind: 'written'; pending: boolean }
  | { kind: 'unchanged'; pending: boolean; limited?: 'writes' | 'emails' }
  | ReturningOutcome
  | { kind: 'not_subscribed'; status: string };

/** What {@link submitSignup} needs. */
export interface SubmitDeps {
  client: Pick<DotdigitalClient, 'getContact' | 'getContactPreferences' | 'createContactWithConsentAndPreferences' | 'addContactToAddressBook' | 'getContactStatus' | 'upsertContact'>;
  retrying: Retrying;
  logger: SignupLogger | undefined;
  addressBookId: number | undefined;
  /** The contact's reference for logs (never the address). */
  ref: string;
  /** Per-address limits: a step that may email the address spends one of its emails first. */
  limits: Pick<AddressLimits, 'take' | 'give'>;
}

/** How {@link submitSignup} may write. */
export interface SubmitOptions {
  /** `false`: the address's writes for the day are spent: nothing is written. Default `true`. */
  mayWrite?: boolean;
  /** Write this signup's consent record even when it adds nothing else (an import applied the rest without it). */
  storeConsent?: boolean;
}

/**
 * Sends one checked signup to Dotdigital, live or from the queue alike. Reads what Dotdigital
 * holds for the address first (one v3 read: status, data fields, opt-ins), and lets
 * {@link planSignup} decide what may change: a new contact is written with its consent record;
 * an existing one only gains (opt-ins, empty fields), never loses; a subscribed one on a double
 * opt-in account is left alone; one who unsubscribed goes through Dotdigital's resubscribe flow
 * (resubscribeContact); one who cannot come back is logged by reference with the reason. A step
 * that may email the address spends one of its emails (given back when Dotdigital did not take
 * the call); past the limit, and with `mayWrite: false` (its writes spent), nothing is written
 * and the outcome is what the visitor would have been answered. Throws the client's errors (or
 * `UpstreamGaveUp`) for the caller to look up in the failure table.
 *
 * @example
 * const outcome = await submitSignup(deps, write, snapshot.accountTree, clock.now() + 8_000);
 */
export async function submitSignup(deps: SubmitDeps, write: ContactWrite, accountTree: DotdigitalPreference[], deadline: number, options: SubmitOptions = {}): Promise<SubmitOutcome> {
  const { client, retrying, logger, ref, limits } = deps;
  const mayWrite = options.mayWrite ?? true;
  // On a double opt-in account the answer is the same whatever Dotdigital holds: an address past its writes costs no call.
  if (!mayWrite && write.optInType === 'VerifiedDouble') return limited('writes', true, deps);
  const held = await retrying(() => client.getContact(write.email), deadline);
  const plan = planSignup(held, write, deps.addressBookId, options.storeConsent);
  const { pending } = plan;
  if (plan.step === 'cannot_come_back') {
    const row = FAILURE_TABLE.cannot_resubscribe;
    logger?.[row.log.level](row.log.text, { contact: ref, reason: plan.status });
    return { kind: 'not_subscribed', status: plan.status };
  }
  if (plan.step === 'leave') {
    logger?.info('Left the contact as it is: it is subscribed and the signup adds nothing its owner has not chosen', { contact: ref });
    return { kind: 'unchanged', pending };
  }
  if (!mayWrite) return limited('writes', pending, deps);
  if (plan.sendsEmail && !(await limits.take('emails', write.email))) return limited('emails', pending, deps);
  try {
    if (plan.step === 'resubscribe') {
      logger?.[FAILURE_TABLE.suppressed.log.level](FAILURE_TABLE.suppressed.log.text, { contact: ref, reason: held!.status });
      return await resubscribeContact(deps, write, deadline, held!.status);
    }
    const outcome = await writeContact(deps, write, accountTree, held, deadline, plan.sendsEmail);
    return outcome.kind === 'written' ? { ...outcome, pending: outcome.pending || pending } : outcome;
  } catch (error) {
    if (plan.sendsEmail) await limits.give('emails', write.email);
    throw error;
  }
}

function limited(limit: 'writes' | 'emails', pending: boolean, { logger, ref }: SubmitDeps): SubmitOutcome {
  logger?.info(`This address reached its ${limit === 'writes' ? 'signups' : 'confirmation emails'} for the day: nothing written or sent, answered as a success (addressLimit)`, { contact: ref, limit });
  return { kind: 'unchanged', pending, limited: limit };
}

// The v2 write of a new contact, or of an existing one (held) as its owner would change it.
async function writeContact(deps: SubmitDeps, write: ContactWrite, accountTree: DotdigitalPreference[], held: HeldContact | undefined, deadline: number, emailSpent: boolean): Promise<SubmitOutcome> {
  const { client, retrying, logger, ref } = deps;
  let tree = accountTree;
  let holds = held;
  // The v2 write opts out what it does not name: when the contact holds an opt-in the cached tree
  // lacks (or the read did not list them), its own tree is Dotdigital's latest word.
  if (held && (held.optedIn === undefined || [...held.optedIn].some((id) => !treeIds(accountTree).has(id)))) {
    const own = await retrying(() => client.getContactPreferences(write.email), deadline);
    if (own) [tree, holds] = [own, { ...held, optedIn: new Set(own.flatMap((item) => (item.isPreference ? [item] : (item.preferences ?? []))).filter((p) => p.isOptedIn === true).map((p) => p.id)) }];
  }
  let written: ContactWriteResult;
  try {
    written = await retrying(() => client.createContactWithConsentAndPreferences(buildContactBody(write, tree, holds)), deadline);
  } catch (error) {
    // Refused as suppressed, or written but left Unsubscribed/Suppressed: the client says both as one kind.
    if (!FAILURE_TABLE[failureKind(error)].resubscribe) throw error;
    logger?.[FAILURE_TABLE.suppressed.log.level](FAILURE_TABLE.suppressed.log.text, { contact: ref, ...reason(error) });
    try {
      if (!emailSpent && !(await deps.limits.take('emails', write.email))) return limited('emails', true, deps);
      // A contact read as pendingOptIn may be waiting for a resubscribe challenge: v3 says both alike, v2 refuses only that one.
      return await resubscribeContact(deps, write, deadline, held?.status);
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
  await joinAddressBook(deps, write, deadline);
  return { kind: 'written', pending: written.status === 'PendingOptIn' };
}

// Why Dotdigital would not take the contact, for the operator: the status it gave, or its error token.
const reason = (error: unknown) => (error instanceof DotdigitalApiError ? { reason: error.contactStatus ?? error.token ?? error.kind } : {});

const treeIds = (tree: DotdigitalPreference[]) => new Set(tree.flatMap((item) => (item.isPreference ? [item.id] : (item.preferences ?? []).map((p) => p.id))));
