import type { ContactWithConsentBody, DotdigitalPreference } from './dotdigital-client.js';
import type { HeldContact } from './dotdigital-types.js';

/** A data field ready for Dotdigital, its value cast to the field's type. */
export interface DataFieldValue {
  key: string;
  value: string | number | boolean;
}

/** Longest USERAGENT stored; browsers send ~150 characters, anything far longer is noise. */
export const MAX_USER_AGENT_LENGTH = 512;

/** Everything one signup writes, already checked. */
export interface ContactWrite {
  email: string;
  optInType: 'Single' | 'VerifiedDouble';
  dataFields: DataFieldValue[];
  /** TEXT, from the configuration (the statement of the visitor's locale); never the browser's copy. */
  consentText: string;
  /**
   * The language the visitor signed up in (a BCP 47 tag, e.g. `de-AT`), for the confirmation and
   * resubscribe emails' `preferredLocale`. Absent on signups queued before it was recorded.
   */
  locale?: string;
  consentedAt: string;
  pageUrl: string;
  /** Undefined when the adapter could not tell (then no IPADDRESS is recorded rather than a wrong one). */
  ipAddress: string | undefined;
  userAgent: string;
  /** The preference ids the form showed, and those of them the visitor ticked. */
  shown: Set<number>;
  ticked: Set<number>;
}

/**
 * True for a data-field value Dotdigital holds as "not filled in".
 *
 * @example
 * isEmptyValue(''); // true
 */
export const isEmptyValue = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * The v2 body for one signup (`POST /v2/contacts/with-consent-and-preferences`), which changes an
 * existing contact only as its owner would. That call opts a contact out of every preference it
 * does not name, so the body names them all: ticked → in, and every other one as the contact
 * holds it now (`held.optedIn`; a new contact has none) — never out. Data fields go only where
 * the contact's are empty (the call overwrites what it is given). A contact already subscribed
 * is sent no `optInType`, so Dotdigital keeps the one it has (a verified double opt-in stays one).
 *
 * @example
 * buildContactBody(write, snapshot.accountTree, await client.getContact(write.email));
 */
export function buildContactBody(write: ContactWrite, tree: DotdigitalPreference[], held?: Pick<HeldContact, 'status' | 'dataFields' | 'optedIn'>): ContactWithConsentBody {
  const optedIn = (id: number) => write.ticked.has(id) || held?.optedIn?.has(id) === true;
  const preferences = tree.map((item) =>
    item.isPreference
      ? { id: item.id, isPreference: true, isOptedIn: optedIn(item.id) }
      : {
          id: item.id,
          isPreference: false,
          preferences: (item.preferences ?? []).filter((p) => p.isPreference).map((p) => ({ id: p.id, isPreference: true as const, isOptedIn: optedIn(p.id) })),
        },
  );
  const consent = [
    { key: 'TEXT', value: write.consentText },
    { key: 'DATETIMECONSENTED', value: write.consentedAt },
    { key: 'URL', value: write.pageUrl },
    ...(write.ipAddress ? [{ key: 'IPADDRESS', value: write.ipAddress }] : []),
    { key: 'USERAGENT', value: write.userAgent.slice(0, MAX_USER_AGENT_LENGTH) },
  ];
  const dataFields = held ? write.dataFields.filter(({ key }) => isEmptyValue(held.dataFields[key.toUpperCase()])) : write.dataFields;
  const subscribed = held?.status.toLowerCase() === 'subscribed';
  return {
    contact: { email: write.email, ...(subscribed ? {} : { optInType: write.optInType }), emailType: 'Html', dataFields },
    consentFields: [{ fields: consent }],
    preferences,
  };
}
