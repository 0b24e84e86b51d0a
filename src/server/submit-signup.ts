import { DotdigitalApiError } from './dotdigital/dotdigital-api-error.js';
import type { DotdigitalClient, DotdigitalPreference } from './dotdigital/dotdigital-client.js';
import { buildContactBody, type ContactWrite } from './build-contact-body.js';
import type { DefinitionState } from './form-definition-source.js';
import { preferenceWrite } from './preference-write.js';
import type { ResolvedOptions } from './resolve-options.js';
import { describeUpstream, upstreamKind } from './upstream-kind.js';
import { withRetry, type UpstreamGate } from './with-retry.js';

/** What a signup came to, as far as the visitor may know. */
export type SignupOutcome = 'subscribed' | 'pending_confirmation' | 'not_subscribed';

/** A checked signup, ready for Dotdigital (preferences still as ticked ids). */
export type CheckedSignup = Omit<ContactWrite, 'preferences'> & { ticked: ReadonlySet<number> };

/**
 * Sends one checked signup to Dotdigital: reads the contact's current preferences when the
 * form does not show them all, writes the contact with its consent record and preferences,
 * and adds it to the address book. Retries inside one budget. A suppressed (or otherwise not
 * subscribed) contact comes back as `not_subscribed`, which the caller answers exactly like
 * a success, so the form never tells whether an address is known.
 *
 * @example
 * const outcome = await submitSignup(client, resolved, gate, state, signup, createEmailRef());
 */
export async function submitSignup(
  client: DotdigitalClient,
  options: ResolvedOptions,
  gate: UpstreamGate,
  state: DefinitionState,
  signup: CheckedSignup,
  /** Makes the log-safe reference to the address; only called when there is something to log. */
  emailRef: (email: string) => Promise<string>,
): Promise<SignupOutcome> {
  const { clock, retry, logger } = options;
  const context = { deadline: clock.now() + retry.budgetMs, clock, gate, policy: retry };
  const current = state.hasUnshown ? await withRetry(() => contactPreferences(client, signup.email), context) : undefined;
  const body = buildContactBody({ ...signup, preferences: preferenceWrite(state.accountTree, state.offered, signup.ticked, current) });
  let status: string;
  try {
    status = (await withRetry(() => client.createContactWithConsentAndPreferences(body), context)).status;
  } catch (error) {
    if (upstreamKind(error) !== 'suppressed') throw error;
    status = 'Suppressed';
  }
  if (status !== 'Subscribed' && status !== 'PendingOptIn') {
    logger.info('Signup not subscribed: Dotdigital holds this contact as not subscribable; answered as a success', { contact: await emailRef(signup.email), status });
    return 'not_subscribed';
  }
  if (options.addressBookId !== undefined) {
    const id = options.addressBookId;
    // The contact and its consent are stored; a list that cannot be joined is the operator's to fix, not the visitor's.
    await withRetry(() => client.addContactToAddressBook(id, { email: signup.email, optInType: signup.optInType }), {
      ...context,
      deadline: Math.max(context.deadline, clock.now() + 1_000),
    }).catch(async (error: unknown) => {
      logger.error(`Contact stored but not added to address book ${id}: check addressBookId (Dotdigital → Contacts → Lists)`, {
        contact: await emailRef(signup.email),
        ...describeUpstream(error),
      });
    });
  }
  return status === 'PendingOptIn' ? 'pending_confirmation' : 'subscribed';
}

// Without a readable tree the unseen preferences cannot be kept, so the write must not happen.
async function contactPreferences(client: DotdigitalClient, email: string): Promise<DotdigitalPreference[] | undefined> {
  const tree: unknown = await client.getContactPreferences(email);
  if (tree !== undefined && !Array.isArray(tree)) {
    throw new DotdigitalApiError(502, undefined, "Dotdigital answered a contact's preferences with something that is not a preference list");
  }
  return tree as DotdigitalPreference[] | undefined;
}
