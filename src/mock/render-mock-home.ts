import { allPreferences, type MockStore } from './mock-store.js';

const escape = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The mock's human page at `/`: what Dotdigital has received, so a person trying the
 * demo can see the contact, its consent record and its preferences.
 */
export function renderMockHome(store: MockStore): string {
  const names = new Map(allPreferences(store.preferences).map((p) => [p.id, p.publicName]));
  const rows = [...store.contacts.values()].map((contact) => {
    const consent = contact.consentRecords
      .map((record) => `<dl>${Object.entries(record.fields).map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`)
      .join('');
    const prefs = [...contact.optedIn].map((id) => escape(names.get(id) ?? id)).join(', ') || '—';
    return `<tr><td>${contact.id}</td><td>${escape(contact.email)}</td><td>${escape(contact.status)}</td><td>${prefs}</td><td>${consent}</td></tr>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Mock Dotdigital</title><style>body{font:16px system-ui;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top}dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:0 .5rem}dt{font-weight:600}</style></head>
<body><h1>Mock Dotdigital</h1><p>What the local Dotdigital API has received. Refreshes every 5 seconds.</p>
<h2>Contacts (${store.contacts.size})</h2>
<table><thead><tr><th>ID</th><th>Email</th><th>Status</th><th>Opted in to</th><th>Consent records</th></tr></thead>
<tbody>${rows.join('') || '<tr><td colspan="5">No contacts yet.</td></tr>'}</tbody></table></body></html>`;
}
