import { cannotComeBack } from '../account/mock-contact-status.js';
import type { MockImport } from '../account/mock-import.js';
import { findContact, type MockStore } from '../account/mock-store.js';
import { writeV3Contact, type V3WriteContext } from './mock-v3-contact.js';

/** Dotdigital accepts at most this many contact imports in progress per account. */
export const MAX_ACTIVE_IMPORTS = 25;

/** What finishing an import needs: the account's write settings for its link origin. */
export interface ImportSettings {
  context: (linkBase: string) => V3WriteContext;
  /** False plays an account whose imports send no double opt-in email. */
  sendOptInEmail: boolean;
}

/** The public JSON of an import, as `GET /contacts/v3/import/{id}` answers it. */
export function importJson(entry: MockImport): Record<string, unknown> {
  const { importId, status, summary, created, updated, failures } = entry;
  return status === 'NotFinished' ? { importId, status } : { importId, status, summary, created, updated, failures };
}

/** Applies every import whose processing time is over, oldest first. */
export function settleImports(store: MockStore, settings: ImportSettings, nowMs: number): void {
  for (const entry of store.imports) if (entry.status === 'NotFinished' && entry.finishAt <= nowMs) finish(store, settings, entry);
}

/**
 * Finishes one import, contact by contact in the order sent: an invalid address fails as
 * `invalidEmail`; the same address again as `duplicateIdentifier` (the first one is applied);
 * a suppressed, hard-bounced or complained contact as `globallySuppressed`, unchanged; the
 * rest are created or updated the v3 way. A contact an injected fault picked is applied
 * without its consent records and also listed as `consentRecordsNotApplied`.
 */
function finish(store: MockStore, settings: ImportSettings, entry: MockImport): void {
  const contacts = entry.contacts;
  entry.contacts = [];
  if (entry.rejected) {
    entry.status = 'RejectedByWatchdog';
    return;
  }
  entry.status = 'Finished';
  const ctx = settings.context(entry.linkBase);
  const seen = new Set<string>();
  contacts.forEach((input, index) => {
    const identifiers = { email: input.email };
    const fail = (failureCode: string, description: string) => entry.failures.push({ matchIdentifier: 'email', identifiers, failures: [{ failureCode, description }] });
    const key = input.email.toLowerCase();
    if (!input.emailValid) {
      entry.summary.invalidEntries++;
      return fail('invalidEmail', "Invalid value for 'email'");
    }
    if (seen.has(key)) {
      entry.summary.duplicateIdentifiers++;
      return fail('duplicateIdentifier', 'The same email appears more than once in this import; only the first was imported.');
    }
    seen.add(key);
    if (cannotComeBack(findContact(store, input.email))) {
      entry.summary.globallySuppressed++;
      return fail('globallySuppressed', 'The contact is suppressed, hard-bounced or complained, and was not changed.');
    }
    const dropConsent = entry.consentFaults.has(index);
    const { contact, created } = writeV3Contact(ctx, dropConsent ? { ...input, consentRecords: [] } : input, entry.mergeOption, settings.sendOptInEmail);
    (created ? entry.created : entry.updated).push({ contactId: contact.id, identifiers });
    if (created) entry.summary.newContacts++;
    else entry.summary.updatedContacts++;
    if (dropConsent) fail('consentRecordsNotApplied', 'The contact was imported, but its consent records were not applied.');
  });
}
