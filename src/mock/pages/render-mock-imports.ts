import type { MockFault } from '../account/mock-options.js';
import type { MockStore } from '../account/mock-store.js';

// The page lists at most this many imports, newest first.
const SHOWN_IMPORTS = 50;

/** Table rows for the v3 imports, newest first: id, received, status and counts. Every value is the mock's own (no visitor text). */
export function importRows(store: MockStore): string[] {
  return [...store.imports].reverse().slice(0, SHOWN_IMPORTS).map((entry) => {
    const { newContacts, updatedContacts } = entry.summary;
    const done = entry.status !== 'NotFinished';
    const counts = done ? [newContacts, updatedContacts, entry.failures.length] : ['…', '…', '…'];
    return `<tr><td><code>${entry.importId}</code></td><td>${entry.receivedAt}</td><td><span class="status ${entry.status}">${entry.status}</span></td><td>${entry.size}</td>${counts.map((n) => `<td>${n}</td>`).join('')}</tr>`;
  });
}

/**
 * The import-fault controls: what is armed, and buttons that arm one more (`POST /_mock/faults`),
 * and the form that gives an address a status (`POST /_mock/contacts`).
 */
export function importTools(pending: Array<{ fault: MockFault; left: number }>): string {
  const armed = (kind: 'importStatus' | 'contactFailure') => pending.filter(({ fault }) => fault[kind]).reduce((sum, { left }) => sum + left, 0);
  return `<form method="post" action="/_mock/faults"><p><strong>Import faults armed:</strong> ${armed('importStatus')} import(s) to be RejectedByWatchdog,
${armed('contactFailure')} contact(s) to be consentRecordsNotApplied.
<button type="submit" name="fault" value="RejectedByWatchdog">Reject the next import (RejectedByWatchdog)</button>
<button type="submit" name="fault" value="consentRecordsNotApplied">Drop the next imported contact’s consent (consentRecordsNotApplied)</button></p></form>`;
}

/** The form that gives an address a status, as its owner, a bounce or a complaint would. */
export const SEED_FORM = `<form method="post" action="/_mock/contacts"><p><label>Email <input type="email" name="email" required></label>
<label>Status <select name="status"><option>Unsubscribed</option><option value="Suppressed">Suppressed (suppression list)</option><option>HardBounced</option><option>IspComplained</option></select></label>
<button type="submit">Set status</button> <span class="muted">Unsubscribed contacts can resubscribe; the others cannot come back.</span></p></form>`;
