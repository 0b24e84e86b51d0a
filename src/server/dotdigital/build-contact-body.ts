import type { ContactWithConsentBody, DotdigitalPreference } from './dotdigital-client.js';

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
 * The Dotdigital body for one signup. The API opts a contact out of every preference the
 * body does not name, so the body names them all: shown ones ticked → in, shown ones not
 * ticked → out, and ones the form did not show keep the contact's current value (read
 * from `current`, the contact's tree; a new contact has none, so those are out).
 *
 * @example
 * buildContactBody(write, snapshot.accountTree, await client.getContactPreferences(write.email));
 */
export function buildContactBody(write: ContactWrite, accountTree: DotdigitalPreference[], current: DotdigitalPreference[] | undefined): ContactWithConsentBody {
  const was = new Map((current ?? []).flatMap((item) => (item.isPreference ? [item] : (item.preferences ?? []))).map((p) => [p.id, p.isOptedIn === true]));
  const optedIn = (id: number) => (write.shown.has(id) ? write.ticked.has(id) : (was.get(id) ?? false));
  // The contact's own tree is Dotdigital's latest word on what exists; the cached account tree stands in for a new contact.
  const tree = current ?? accountTree;
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
  return {
    contact: { email: write.email, optInType: write.optInType, emailType: 'Html', dataFields: write.dataFields },
    consentFields: [{ fields: consent }],
    preferences,
  };
}
