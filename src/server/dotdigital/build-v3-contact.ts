import type { ContactWrite } from './build-contact-body.js';
import { MAX_USER_AGENT_LENGTH } from './build-contact-body.js';
import type { V3Contact } from './dotdigital-types.js';

export type { V3Contact } from './dotdigital-types.js';

/**
 * The v3 form of one checked signup, or `undefined` when v3 cannot carry its consent record:
 * v3 wants all five consent fields, and a signup whose IP address (or user agent) was unknown
 * has none to give — such a signup goes through the v2 single call, which records what it has.
 *
 * - Preferences: only the ones the form showed (ticked → in, unticked → out). v3 leaves every
 *   preference it is not told about as it is, so those the visitor never saw keep their value.
 * - Status `subscribed` with `resubscribeOptions` (`resubscribeWithNoChallenge: false`): someone
 *   who unsubscribed and signed up again is sent Dotdigital's confirmation email, which brings
 *   them back to the page they signed up on; a contact already subscribed is unchanged by it.
 *
 * @example
 * const contact = buildV3Contact(write, 101);
 * if (contact) await client.startImport([contact]);
 */
export function buildV3Contact(write: ContactWrite, addressBookId?: number): V3Contact | undefined {
  const userAgent = write.userAgent.slice(0, MAX_USER_AGENT_LENGTH);
  if (!write.ipAddress || userAgent.trim() === '') return undefined;
  return {
    matchIdentifier: 'email',
    identifiers: { email: write.email },
    dataFields: Object.fromEntries(write.dataFields.map((field) => [field.key, field.value])),
    channelProperties: {
      email: {
        status: 'subscribed',
        emailType: 'html',
        optInType: write.optInType === 'VerifiedDouble' ? 'verifiedDouble' : 'single',
        resubscribeOptions: { resubscribeWithNoChallenge: false, redirectUrlAfterChallenge: write.pageUrl },
      },
    },
    ...(addressBookId !== undefined ? { lists: [addressBookId] } : {}),
    preferences: [...write.shown].sort((a, b) => a - b).map((id) => ({ id, isOptedIn: write.ticked.has(id) })),
    consentRecords: [{ text: write.consentText, dateTimeConsented: write.consentedAt, url: write.pageUrl, ipAddress: write.ipAddress, userAgent }],
  };
}
