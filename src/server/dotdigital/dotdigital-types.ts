import type { FormFieldType } from '../../core/field-types.js';

/** A preference or category from `GET /v2/preferences` (and, with `isOptedIn`, a contact's tree). */
export interface DotdigitalPreference {
  id: number;
  publicName: string;
  privateName?: string;
  isPreference: boolean;
  isPublic: boolean;
  /** Dotdigital sends the order as a string ("0", "1", …). */
  order?: string;
  categoryId?: number;
  isOptedIn?: boolean;
  preferences?: DotdigitalPreference[];
}

/** A data field from `GET /v2/data-fields`. */
export interface DotdigitalDataField {
  name: string;
  type: FormFieldType;
  visibility?: 'Public' | 'Private';
  defaultValue?: string | number | boolean | null;
}

/** A preference choice as the write calls and `PUT …/preferences` take it. */
export type PreferenceChoice =
  | { id: number; isPreference: true; isOptedIn: boolean }
  | { id: number; isPreference: false; preferences: Array<{ id: number; isPreference: true; isOptedIn: boolean }> };

/** The body of `POST /v2/contacts/with-consent-and-preferences`. Preferences not named are opted out. */
export interface ContactWithConsentBody {
  contact: {
    email: string;
    /** Absent for a contact already subscribed: Dotdigital keeps the opt-in type it has (a verified double opt-in stays one). */
    optInType?: 'Single' | 'VerifiedDouble';
    emailType: 'Html';
    dataFields: Array<{ key: string; value: string | number | boolean | null }>;
  };
  consentFields: Array<{ fields: Array<{ key: string; value: string }> }>;
  preferences: Array<{ id: number; isPreference: boolean; isOptedIn?: boolean; preferences?: Array<{ id: number; isPreference: true; isOptedIn: boolean }> }>;
}

/** A contact as Dotdigital answers it. */
export interface DotdigitalContact {
  id: number;
  email: string;
  optInType: string;
  emailType: string;
  status: string;
  dataFields: Array<{ key: string; value: unknown }>;
}

/** A contact write that left the contact subscribed or waiting for its double opt-in confirmation. */
export interface ContactWriteResult {
  id: number;
  status: 'Subscribed' | 'PendingOptIn';
  optInType: string;
}

/**
 * What Dotdigital holds for an existing contact (`GET /contacts/v3/email/{email}`): all a signup
 * needs to change it only as its owner would.
 */
export interface HeldContact {
  /** The v3 email status: `subscribed`, `pendingOptIn`, `unsubscribed`, `suppressed`, … */
  status: string;
  /** Data-field values by upper-case name; `null` or `''` is empty. */
  dataFields: Record<string, unknown>;
  /** Preference ids the contact is opted into; `undefined` when the answer did not list preferences. */
  optedIn: ReadonlySet<number> | undefined;
  /** Address-book ids the contact is in. */
  lists: number[];
}

/** v3 `resubscribeOptions`: how an unsubscribed contact is brought back (ignored for anyone else). */
export interface ResubscribeOptions {
  /** `false`: Dotdigital emails the contact a link to confirm (the only honest way back in). */
  resubscribeWithNoChallenge: boolean;
  preferredLocale?: string;
  /** Where the confirmation link leads once followed. */
  redirectUrlAfterChallenge?: string;
}

/** A v3 consent record: all five properties are required. */
export interface V3ConsentRecord {
  text: string;
  dateTimeConsented: string;
  url: string;
  ipAddress: string;
  userAgent: string;
}

/**
 * The body of `PATCH /contacts/v3/email/{email}` (an import entry is the same plus
 * `matchIdentifier: 'email'`). Only what is passed changes: preferences not named keep their value.
 */
export interface V3ContactBody {
  identifiers: { email: string };
  dataFields: Record<string, string | number | boolean | null>;
  channelProperties: {
    email: { status: 'subscribed'; emailType: 'html'; optInType: 'single' | 'verifiedDouble'; resubscribeOptions: ResubscribeOptions };
  };
  lists?: number[];
  preferences: Array<{ id: number; isOptedIn: boolean }>;
  consentRecords?: V3ConsentRecord[];
}

/** One contact of `PUT /contacts/v3/import`: the v3 body with its match identifier, and always a consent record. */
export type V3Contact = V3ContactBody & { matchIdentifier: 'email'; consentRecords: V3ConsentRecord[] };
