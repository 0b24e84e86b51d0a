import type { MockContact } from '../account/mock-contact.js';
import type { MockDotdigitalOptions, MockFault } from '../account/mock-options.js';
import { allPreferences, type MockStore } from '../account/mock-store.js';
import { importRows, importTools, SEED_FORM } from './render-mock-imports.js';

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// The page lists at most this many contacts, newest first, so it stays light after a load test.
const SHOWN_CONTACTS = 100;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;padding:1.5rem 2rem;color:#1b1b1b;max-width:72rem}
h1{margin:0 0 .25rem}h2{margin-top:2rem;border-bottom:2px solid #ddd}h3{margin:0 0 .5rem;font-size:1.1rem}h4{margin:.75rem 0 .25rem;font-size:1rem}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding:.25rem 0}
td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}th{background:#f3f3f3}
dl{margin:0;display:grid;grid-template-columns:minmax(9rem,max-content) 1fr;gap:.1rem 1rem}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.contact{border:1px solid #ccc;border-radius:.5rem;padding:1rem;margin:1rem 0}.contact header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
.record{border-left:4px solid #8ab4e8;padding:.25rem .75rem;margin:.5rem 0;background:#f7faff}
.status{display:inline-block;padding:0 .5rem;border-radius:.25rem;background:#e6e6e6;font-weight:600}.Subscribed{background:#cce8d4}.PendingOptIn{background:#fff0c2}
.Finished{background:#cce8d4}.NotFinished{background:#fff0c2}
.Unsubscribed,.Suppressed,.HardBounced,.IspComplained,.RejectedByWatchdog{background:#f6d3d3}.muted{color:#595959}button{font:inherit}.contact header form{margin-left:auto}ul{margin:0;padding-left:1.2rem}.outage{margin:1rem 0}`;

/** A complete small HTML page. */
export function htmlPage(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}
<title>${escapeHtml(title)} — Mock Dotdigital</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const NONE = '<span class="muted">none</span>';
const pairs = (entries: Array<[string, unknown]>) => `<dl>${entries.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v === NONE ? v : escapeHtml(v)}</dd>`).join('')}</dl>`;
const table = (caption: string, heads: string[], rows: string[], empty: string) =>
  `<table><caption>${caption}</caption><thead><tr>${heads.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows.join('') || `<tr><td colspan="${heads.length}" class="muted">${empty}</td></tr>`}</tbody></table>`;

function contactCard(contact: MockContact, names: Map<number, string>, books: Map<number, string>): string {
  const list = (ids: Iterable<number>, labels: Map<number, string>) => [...ids].map((id) => labels.get(id) ?? `#${id}`).join(', ') || NONE;
  const fields = [...contact.dataFields].filter(([, value]) => value !== null).map(([key, value]) => `${key} = ${value}`).join(', ') || NONE;
  const records = contact.consentRecords.map((record) => `<div class="record">${pairs([...Object.entries(record.fields), ['DATETIMECREATED', record.created]])}</div>`);
  const canUnsubscribe = contact.status === 'Subscribed' || contact.status === 'PendingOptIn';
  return `<article class="contact" aria-labelledby="contact-${contact.id}"><header><h3 id="contact-${contact.id}">${escapeHtml(contact.email)}</h3>
<span class="status ${contact.status}">${contact.status}</span>${contact.resubscribing ? ' <span class="muted">resubscribe challenge sent, link not followed yet</span>' : ''}
${canUnsubscribe ? `<form method="post" action="/_mock/contacts/${contact.id}/unsubscribe"><button type="submit" aria-label="Unsubscribe ${escapeHtml(contact.email)}">Unsubscribe</button></form>` : ''}</header>
${pairs([['Contact id', contact.id], ['Opt-in type', contact.optInType], ['Opted in to', list(contact.optedIn, names)], ['Address books', list(contact.addressBooks, books)], ['Data fields', fields]])}
<h4>Consent records (${records.length})</h4>${records.join('') || `<p class="muted">No consent record.</p>`}</article>`;
}

/**
 * The mock's human page at `/`: what Dotdigital has received — contacts with their consent
 * records and preferences, the outbox, the preference tree and the latest API calls — so a
 * person trying the demo sees what a real account would hold.
 */
export function renderMockHome(store: MockStore, options: MockDotdigitalOptions, outage = false, pending: Array<{ fault: MockFault; left: number }> = []): string {
  const names = new Map(allPreferences(store.preferences).map((p) => [p.id, p.publicName]));
  const books = new Map(store.addressBooks.map((b) => [b.id, b.name]));
  const settings: Array<[string, unknown]> = [
    ['Region', options.region ?? 'any (answers on every host)'],
    ['Double opt-in', options.forceDoubleOptIn ? 'forced for every API signup' : 'as each request asks'],
    ['Rate limit', options.rateLimit ? `${options.rateLimit.perMinute} calls a minute` : NONE],
    ['Hourly cap', options.hourlyCap ?? NONE],
    ['Suppressed writes', options.suppressedWrites === 'keep-status' ? 'accepted, status kept' : 'refused (ERROR_CONTACT_SUPPRESSED)'],
    ['Import processing', `${options.importProcessingMs ?? 1000} ms`],
    ['Import opt-in emails', options.importsSendOptInEmail === false ? 'none (verifiedDouble imports end subscribed)' : 'sent, as by the single call'],
    ['Resubscribe challenges', `at most ${options.resubscribeChallengeLimit?.max ?? 3} emails per contact per ${(options.resubscribeChallengeLimit?.windowMs ?? 86_400_000) / 3_600_000} h`],
  ];
  const contacts = [...store.contacts.values()].slice(-SHOWN_CONTACTS).reverse().map((contact) => contactCard(contact, names, books));
  const more = store.contacts.size > SHOWN_CONTACTS ? `<p class="muted">Showing the ${SHOWN_CONTACTS} newest of ${store.contacts.size}.</p>` : '';
  const outbox = [...store.outbox].reverse().slice(0, SHOWN_CONTACTS).map((email) =>
    `<tr><td>${escapeHtml(email.sentAt)}</td><td>${escapeHtml(email.to)}</td><td>${escapeHtml(email.subject)}</td><td>${email.locale ? escapeHtml(email.locale) : '<span class="muted">account\'s</span>'}</td><td><a href="${escapeHtml(email.link)}">${email.kind === 'resubscribe' ? 'Confirm resubscription' : 'Confirm subscription'}<span class="muted"> for ${escapeHtml(email.to)}</span></a></td></tr>`);
  const label = (p: { publicName: string; id: number; isPublic: boolean }) => `${escapeHtml(p.publicName)} <span class="muted">#${p.id}${p.isPublic ? '' : ', private'}</span>`;
  const tree = store.preferences.map((item) =>
    item.isPreference ? `<li>${label(item)}</li>` : `<li>${label(item)}<ul>${(item.preferences ?? []).map((p) => `<li>${label(p)}</li>`).join('')}</ul></li>`);
  const calls = [...store.requests].reverse().slice(0, 20).map((call) =>
    `<tr><td>${escapeHtml(call.at)}</td><td>${call.method}</td><td>${escapeHtml(call.path)}</td><td>${call.status || 'dropped'}</td></tr>`);
  return htmlPage('Mock Dotdigital', `<p>What this local Dotdigital API has received. The page refreshes every 10 seconds.</p>
${pairs(settings)}
<form method="post" action="/_mock/outage" class="outage"><p><strong>API ${outage ? 'down: every call answers 503' : 'up'}.</strong>
<button type="submit" name="state" value="${outage ? 'off' : 'on'}">${outage ? 'End the outage' : 'Simulate an outage'}</button>
<span class="muted">A proxy with a queue answers signups “queued” meanwhile and delivers them once it ends.</span></p></form>
<h2>Contacts (${store.contacts.size})</h2>${more}
${SEED_FORM}
${contacts.join('') || '<p class="muted">No contacts yet: sign up through the demo form.</p>'}
<h2>Outbox (${store.outbox.length})</h2>
${table('Confirmation emails, newest first', ['Sent', 'To', 'Subject', 'Language', 'Link'], outbox, 'No emails sent: double opt-in signups land here.')}
<h2>Imports (${store.imports.length})</h2>
${importTools(pending)}
${table('v3 bulk imports, newest first', ['Import id', 'Received', 'Status', 'Contacts', 'Created', 'Updated', 'Failures'], importRows(store), 'No imports yet: a proxy with a backlog sends them.')}
<h2>Preferences</h2><ul>${tree.join('')}</ul>
<h2>Latest API calls</h2>
${table('The 20 latest calls, newest first', ['Time', 'Method', 'Path', 'Status'], calls, 'No calls yet.')}`, '<meta http-equiv="refresh" content="10">');
}
