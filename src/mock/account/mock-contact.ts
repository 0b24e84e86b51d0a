/** Consent keys as Dotdigital echoes them. */
export const CONSENT_KEYS = ['TEXT', 'DATETIMECONSENTED', 'URL', 'IPADDRESS', 'USERAGENT'] as const;
export type ConsentKey = (typeof CONSENT_KEYS)[number];

/** A stored consent record. */
export interface MockConsentRecord {
  id: string;
  fields: Partial<Record<ConsentKey, string>>;
  created: string;
}

/**
 * The contact statuses the mock plays; anything but the first two is "not subscribed".
 * `Unsubscribed` can come back through a resubscribe call; `Suppressed` (the account's
 * suppression list), `HardBounced` and `IspComplained` cannot.
 */
export type MockContactStatus = 'Subscribed' | 'PendingOptIn' | 'Unsubscribed' | 'Suppressed' | 'HardBounced' | 'IspComplained';

/** A data-field value as the mock stores it (`null`: unset). */
export type DataValue = string | number | boolean | null;

/** A contact as the mock holds it. */
export interface MockContact {
  id: number;
  email: string;
  optInType: 'Unknown' | 'Single' | 'Double' | 'VerifiedDouble';
  emailType: 'PlainText' | 'Html';
  status: MockContactStatus;
  /** Data-field values by canonical (upper-case) name, including the system field LASTSUBSCRIBED. */
  dataFields: Map<string, DataValue>;
  consentRecords: MockConsentRecord[];
  optedIn: Set<number>;
  addressBooks: Set<number>;
  /** Set while an unsubscribed contact's resubscribe challenge waits for its link (status `PendingOptIn`). */
  resubscribing?: boolean;
  /** When each resubscribe challenge email was sent (ms), for the challenge limit. */
  challengesSent?: number[];
}
