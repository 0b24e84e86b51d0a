import type { ContactWithConsentBody } from './dotdigital/dotdigital-client.js';
import type { DataFieldValue } from './check-fields.js';

/** Longest USERAGENT stored; browsers send ~150 characters, anything far longer is noise. */
export const MAX_USER_AGENT_LENGTH = 512;

// A visitor's clock further off than this is not believed; the server's time is recorded instead.
const CLOCK_TOLERANCE_MS = 15 * 60 * 1000;

/** Everything that goes into one contact write, already checked. */
export interface ContactWrite {
  email: string;
  optInType: 'Single' | 'VerifiedDouble';
  dataFields: DataFieldValue[];
  /** The configured consent text, never the browser's copy. */
  consentText: string;
  consentedAt: string;
  pageUrl: string;
  ipAddress: string;
  userAgent: string;
  preferences: ContactWithConsentBody['preferences'];
}

/**
 * The body of `POST /v2/contacts/with-consent-and-preferences` for one signup, with the
 * consent record under the single-contact key names Dotdigital echoes back.
 *
 * @example
 * buildContactBody({ email, optInType: 'Single', dataFields: [], consentText, consentedAt, pageUrl, ipAddress, userAgent, preferences });
 */
export function buildContactBody(write: ContactWrite): ContactWithConsentBody {
  return {
    contact: { email: write.email, optInType: write.optInType, emailType: 'Html', dataFields: write.dataFields },
    consentFields: [
      {
        fields: [
          { key: 'TEXT', value: write.consentText },
          { key: 'DATETIMECONSENTED', value: write.consentedAt },
          { key: 'URL', value: write.pageUrl },
          { key: 'IPADDRESS', value: write.ipAddress },
          { key: 'USERAGENT', value: capUserAgent(write.userAgent) },
        ],
      },
    ],
    preferences: write.preferences,
  };
}

/**
 * The consent time to record: the browser's, unless its clock is more than 15 minutes off
 * the server's; then the server's (a wrong clock never costs a signup).
 *
 * @example
 * consentTime('2001-01-01T00:00:00Z', Date.now()); // now, as ISO-8601
 */
export function consentTime(claimed: string, now: number): string {
  const time = Date.parse(claimed);
  return new Date(Math.abs(time - now) <= CLOCK_TOLERANCE_MS ? time : now).toISOString();
}

/**
 * The user agent as stored: control characters dropped, at most {@link MAX_USER_AGENT_LENGTH} characters.
 *
 * @example
 * capUserAgent('Mozilla/5.0 …');
 */
export function capUserAgent(userAgent: string): string {
  // eslint-disable-next-line no-control-regex
  return userAgent.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_USER_AGENT_LENGTH);
}
