import type { DotdigitalClient } from '../dotdigital/dotdigital-client.js';
import { importContactKey, type ImportReport } from '../dotdigital/import-report.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { ClaimedSignup } from './signup-queue.js';

/** What the probe needs of a delivery round to read a contact back and say what it found. */
export interface ProbeTools {
  client: Pick<DotdigitalClient, 'getContactStatus'>;
  logger: SignupLogger | undefined;
  ref(email: string): Promise<string>;
}

/** Decides which double opt-in signups may go into an import (see {@link createOptInProbe}). */
export interface OptInProbe {
  /** May this double opt-in signup be imported? */
  admit(): boolean;
  /** After an import finished: reads the probe contact's status, when it carried one. */
  settle(tools: ProbeTools, entries: ClaimedSignup[], report: ImportReport): Promise<void>;
}

/**
 * Dotdigital's documents disagree whether an import sends the double opt-in email, and a
 * double opt-in signup must never be subscribed without it. So imports carry double opt-in
 * signups only when the operator says the account's imports send it (`doubleOptInImports`),
 * and even then the claim is checked first: until one imported new contact has been read
 * back as `pendingOptIn` (one `GET /contacts/v3/email/{email}`), an import carries at most
 * one double opt-in signup, and the others take the single call. Read back as `subscribed`,
 * the option is wrong: logged as an error, and every double opt-in signup keeps the single
 * call for the life of the deliverer. One person is the price of a wrong option, not all.
 *
 * @example
 * const probe = createOptInProbe(delivery.doubleOptInImports);
 * if (write.optInType === 'VerifiedDouble' && !probe.admit()) singles.push(entry);
 */
export function createOptInProbe(enabled: boolean): OptInProbe {
  let state: 'untested' | 'trusted' | 'off' = enabled ? 'untested' : 'off';
  let probeOut = false;
  return {
    admit() {
      if (state !== 'untested') return state === 'trusted';
      if (probeOut) return false;
      probeOut = true;
      return true;
    },
    async settle({ client, logger, ref }, entries, report) {
      if (state !== 'untested') return;
      // Only a new contact tells: an existing one may have confirmed long ago.
      const probe = entries.find((entry) => entry.contact.optInType === 'VerifiedDouble' && report.created.has(importContactKey(entry.contact.email)));
      if (!probe) {
        probeOut = false;
        return;
      }
      const status = (await client.getContactStatus(probe.contact.email).catch(() => undefined))?.toLowerCase();
      const contact = await ref(probe.contact.email);
      if (status === 'pendingoptin') {
        state = 'trusted';
        logger?.info('Imports send the double opt-in email on this account: double opt-in signups are imported from now on', { contact });
      } else if (status === 'subscribed') {
        state = 'off';
        logger?.error(
          'queueDelivery.doubleOptInImports is set, but this account\'s imports subscribe double opt-in signups without the confirmation email: they keep the single call now; unset the option (this contact was subscribed unconfirmed)',
          { contact },
        );
      } else probeOut = false; // no answer: the next import carries another probe
    },
  };
}
