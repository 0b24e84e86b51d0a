import type { ConsentKey, DataValue, MockContact } from './mock-contact.js';

// The import record the account keeps, and the v3 contact it holds (a PATCH body reads into
// the same shape): data only, so the store can hold imports without importing their rules.

/**
 * How v3 merges data fields into a contact that has them: the names the routes accept
 * (`mergeOption` of an import, `?merge-option=` of a PATCH), and the type of one.
 *
 * @example
 * V3_MERGE_OPTIONS.find((option) => option === c.req.query('merge-option'));
 */
export const V3_MERGE_OPTIONS = ['overwrite', 'overwriteIfNotEmpty', 'overwriteIfEmpty'] as const;

/** One of {@link V3_MERGE_OPTIONS}. */
export type V3MergeOption = (typeof V3_MERGE_OPTIONS)[number];

/** A v3 contact (`PATCH /contacts/v3/email/…` body, or one entry of an import), read and checked. */
export interface V3ContactInput {
  email: string;
  /** False for an address Dotdigital would refuse: an import lists it under `failures` as `invalidEmail`. */
  emailValid: boolean;
  /** Values by canonical field name; `null` clears the field. */
  dataFields: Map<string, DataValue>;
  status: 'subscribed' | 'unsubscribed' | undefined;
  emailType: MockContact['emailType'] | undefined;
  optInType: MockContact['optInType'] | undefined;
  resubscribe: { noChallenge: boolean; preferredLocale?: string; redirectUrl?: string } | undefined;
  lists: number[];
  /** Only the named preferences: v3 leaves every other one as it is. */
  preferences: Map<number, boolean>;
  consentRecords: Array<Record<ConsentKey, string>>;
}

/** Where an import is: still processing, done, or rejected whole by Dotdigital's data-quality check. */
export type MockImportStatus = 'NotFinished' | 'Finished' | 'RejectedByWatchdog';

/** A contact an import reports by its identifiers. */
export interface MockImportedContact {
  contactId: number;
  identifiers: { email: string };
}

/** A contact an import could not (fully) apply, with why. */
export interface MockImportFailure {
  matchIdentifier: 'email';
  identifiers: { email: string };
  failures: Array<{ failureCode: string; description: string }>;
}

/** A v3 bulk import as the mock holds it (`GET /contacts/v3/import/{id}` answers its public part). */
export interface MockImport {
  importId: string;
  status: MockImportStatus;
  receivedAt: string;
  /** When processing ends (ms since the epoch); the contacts are applied then. */
  finishAt: number;
  mergeOption: V3MergeOption;
  /** The contacts as sent; emptied once applied. */
  contacts: V3ContactInput[];
  /** How many contacts were sent (kept after `contacts` is emptied). */
  size: number;
  /** Origin for links in the emails this import sends. */
  linkBase: string;
  /** An injected `RejectedByWatchdog`. */
  rejected: boolean;
  /** Positions of the contacts whose consent records an injected fault drops. */
  consentFaults: Set<number>;
  summary: { newContacts: number; updatedContacts: number; globallySuppressed: number; invalidEntries: number; duplicateIdentifiers: number };
  created: MockImportedContact[];
  updated: MockImportedContact[];
  failures: MockImportFailure[];
}
