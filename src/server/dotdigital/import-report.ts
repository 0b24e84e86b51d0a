import type { DotdigitalErrorKind } from './dotdigital-api-error.js';

/** What `GET /contacts/v3/import/{id}` said about an import, read. Emails are lower-cased. */
export interface ImportReport {
  /** Dotdigital still processes it: ask again later. */
  finished: boolean;
  /** The whole import failed (`RejectedByWatchdog`, `Failed`, …): none of its contacts counts as delivered. */
  importFailure?: { kind: DotdigitalErrorKind; status: string };
  /** Created or updated, and listed under no failure: these alone count as delivered. */
  delivered: Set<string>;
  /** Those of `delivered` that were new contacts. */
  created: Set<string>;
  /** Contacts listed under `failures`, with the kind of their first failure and every code given. */
  failures: Map<string, { kind: DotdigitalErrorKind; codes: string[] }>;
}

// Failure codes come camelCase in the spec and PascalCase on the reference page: compared lower-cased.
// Anything not named here is `import_failed`, which the failure table sends through the single call.
const CONTACT_FAILURE_KINDS: Record<string, DotdigitalErrorKind> = {
  invalidemail: 'invalid_email',
  globallysuppressed: 'suppressed',
  suppressedbydomain: 'suppressed',
  suppressed: 'suppressed',
  consentrecordsnotapplied: 'consent_not_applied',
};

/**
 * The failure kind of a per-contact failure code of an import report, case-insensitively.
 *
 * @example
 * importFailureKind('GloballySuppressed'); // 'suppressed'
 * importFailureKind('duplicateIdentifier'); // 'import_failed'
 */
export function importFailureKind(code: string): DotdigitalErrorKind {
  return CONTACT_FAILURE_KINDS[code.toLowerCase()] ?? 'import_failed';
}

/**
 * How an import report names a contact: its address trimmed and lower-cased. Every lookup of a
 * queued signup in a report (or among one batch's entries) goes through this, so both sides agree.
 *
 * @example
 * report.delivered.has(importContactKey(entry.contact.email));
 */
export function importContactKey(email: string): string {
  return email.trim().toLowerCase();
}

const emailOf = (item: unknown): string | undefined => {
  const email = (item as { identifiers?: { email?: unknown } } | undefined)?.identifiers?.email;
  return typeof email === 'string' ? importContactKey(email) : undefined;
};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Reads an import's status answer. A contact both created and listed under `failures` (e.g.
 * `consentRecordsNotApplied`: subscribed, consent not stored) is a failure, never delivered.
 *
 * @example
 * const report = readImportReport(await response.json());
 * if (report.finished) for (const email of report.delivered) markDelivered(email);
 */
export function readImportReport(body: unknown): ImportReport {
  const answer = (body ?? {}) as { status?: unknown; created?: unknown; updated?: unknown; failures?: unknown };
  const status = typeof answer.status === 'string' ? answer.status : '';
  const report: ImportReport = { finished: status !== 'NotFinished', delivered: new Set(), created: new Set(), failures: new Map() };
  if (!report.finished) return report;
  if (status.toLowerCase() !== 'finished') {
    report.importFailure = { kind: status.toLowerCase() === 'rejectedbywatchdog' ? 'rejected_by_watchdog' : 'import_failed', status: status || '(none)' };
    return report;
  }
  for (const item of list(answer.failures)) {
    const email = emailOf(item);
    if (email === undefined) continue;
    const codes = list((item as { failures?: unknown }).failures).flatMap((f) => {
      const code = (f as { failureCode?: unknown } | undefined)?.failureCode;
      return typeof code === 'string' ? [code] : [];
    });
    report.failures.set(email, { kind: importFailureKind(codes[0] ?? ''), codes });
  }
  for (const [items, isNew] of [[list(answer.created), true], [list(answer.updated), false]] as const) {
    for (const item of items) {
      const email = emailOf(item);
      if (email === undefined || report.failures.has(email)) continue;
      report.delivered.add(email);
      if (isNew) report.created.add(email);
    }
  }
  return report;
}
