import { MAX_USER_AGENT_LENGTH, type ContactWrite } from './build-contact-body.js';
import type { V3ContactBody } from './dotdigital-types.js';
import { resubscribeOptionsFor } from './returning-contact.js';

/**
 * The v3 body of one signup (`PATCH /contacts/v3/email/{email}`; an import entry adds
 * `matchIdentifier: 'email'`): data fields, `status: "subscribed"` with the signup's
 * {@link resubscribeOptionsFor}, the address book as `lists`, the ticked preferences (→ in; v3
 * leaves the ones not named as they are, so nothing the contact chose is opted out and nothing
 * needs reading first) and the consent record. Sent with merge option `overwriteIfEmpty`, so a
 * data field the contact has keeps its value. v3 takes a consent record only with all five values:
 * without the visitor's IP address or user agent it has none (`consentRecords` absent), rather
 * than a made-up value.
 *
 * @example
 * await client.upsertContact(buildV3ContactBody(write, options.addressBookId));
 */
export function buildV3ContactBody(write: ContactWrite, addressBookId: number | undefined): V3ContactBody {
  const userAgent = write.userAgent.slice(0, MAX_USER_AGENT_LENGTH);
  return {
    identifiers: { email: write.email },
    dataFields: Object.fromEntries(write.dataFields.map(({ key, value }) => [key, value])),
    channelProperties: {
      email: {
        status: 'subscribed',
        emailType: 'html',
        optInType: write.optInType === 'VerifiedDouble' ? 'verifiedDouble' : 'single',
        resubscribeOptions: resubscribeOptionsFor(write),
      },
    },
    ...(addressBookId === undefined ? {} : { lists: [addressBookId] }),
    preferences: [...write.ticked].sort((a, b) => a - b).map((id) => ({ id, isOptedIn: true })),
    ...(write.ipAddress && userAgent.trim()
      ? { consentRecords: [{ text: write.consentText, dateTimeConsented: write.consentedAt, url: write.pageUrl, ipAddress: write.ipAddress, userAgent }] }
      : {}),
  };
}
