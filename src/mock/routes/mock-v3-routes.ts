import type { Context, Hono } from 'hono';
import { V3_MERGE_OPTIONS as MERGE_OPTIONS } from '../account/mock-import.js';
import { findContact, type MockStore } from '../account/mock-store.js';
import type { createFaultQueue } from '../rules/mock-faults.js';
import { importJson, MAX_ACTIVE_IMPORTS, settleImports, type ImportSettings } from '../rules/mock-imports.js';
import { v3ContactJson, writeV3Contact } from '../rules/mock-v3-contact.js';
import { isObject } from '../wire/loose-json.js';
import { MockV3Error, type MockV3ErrorDetail } from '../wire/mock-api-error.js';
import { apiTime } from '../wire/mock-json.js';
import { readV3Contact } from '../wire/mock-v3-contact-input.js';

/** What the v3 routes need from the mock around them. */
export interface V3RouteContext extends ImportSettings {
  store: MockStore;
  now: () => Date;
  faults: ReturnType<typeof createFaultQueue>;
  /** Origin for links in emails sent on this request. */
  linkBase: (c: Context) => string;
  /** How long (ms) an import stays `NotFinished`. */
  processingMs: number;
  /** The largest import body accepted, in bytes (Dotdigital: 50 MB). */
  bodyLimitBytes: number;
}

const TOO_MANY =
  'Your import request cannot be accepted as too many imports are being processed for you account. Please wait for an import to complete and then resubmit.';
const invalid = (details: MockV3ErrorDetail[]) => new MockV3Error(400, 'contacts:validationError', 'The request is invalid: see details.', details);

/**
 * Registers the v3 contact calls: bulk import (`PUT /contacts/v3/import`, its status), and
 * the single-contact upsert and read (`PATCH`/`GET /contacts/v3/email/{email}`). Errors use
 * the v3 envelope. Auth, region and the shared per-minute limit run before them.
 */
export function registerV3Routes(app: Hono, ctx: V3RouteContext): void {
  const { store } = ctx;
  app.put('/contacts/v3/import', async (c) => {
    const length = Number(c.req.header('content-length') ?? 0);
    const bytes = length > ctx.bodyLimitBytes ? undefined : new Uint8Array(await c.req.arrayBuffer());
    if (!bytes || bytes.byteLength > ctx.bodyLimitBytes) {
      throw new MockV3Error(413, 'contacts:requestTooLarge', `The request body is over ${ctx.bodyLimitBytes} bytes: send fewer contacts per import.`);
    }
    const body = parse(new TextDecoder().decode(bytes));
    settleImports(store, ctx, ctx.now().getTime());
    const details: MockV3ErrorDetail[] = [];
    const mergeOption = isObject(body) && body.mergeOption !== undefined ? MERGE_OPTIONS.find((option) => option === body.mergeOption) : 'overwrite';
    if (!mergeOption) details.push({ item: 'mergeOption', description: `mergeOption must be one of ${MERGE_OPTIONS.join(', ')}.` });
    const raw = isObject(body) && Array.isArray(body.contacts) ? body.contacts : [];
    if (raw.length === 0) details.push({ item: 'contacts', description: 'contacts must be an array of at least one contact.' });
    const contacts = raw.map((entry, index) => {
      if (!isObject(entry) || entry.matchIdentifier !== 'email') details.push({ item: `contacts[${index}].matchIdentifier`, description: 'matchIdentifier must be "email".' });
      return readV3Contact(store, entry, `contacts[${index}]`, undefined, details);
    });
    if (details.length) throw invalid(details);
    if (store.imports.filter((entry) => entry.status === 'NotFinished').length >= MAX_ACTIVE_IMPORTS) throw new MockV3Error(429, 'contacts:tooManyActiveImports', TOO_MANY);
    const now = ctx.now();
    const rejected = ctx.faults.takeImport('importStatus') !== undefined;
    // A rejected import applies no contact, so it leaves the contact faults for the next one.
    const consentFaults = new Set<number>();
    if (!rejected) contacts.forEach((contact, index) => contact.emailValid && contact.consentRecords.length && ctx.faults.takeImport('contactFailure', contact.email) && consentFaults.add(index));
    const importId = crypto.randomUUID();
    store.imports.push({
      importId, status: 'NotFinished', receivedAt: apiTime(now), finishAt: now.getTime() + ctx.processingMs, mergeOption: mergeOption!, contacts, size: contacts.length,
      linkBase: ctx.linkBase(c), rejected, consentFaults,
      summary: { newContacts: 0, updatedContacts: 0, globallySuppressed: 0, invalidEntries: 0, duplicateIdentifiers: 0 }, created: [], updated: [], failures: [],
    });
    return c.json({ importId }, 202);
  });
  app.get('/contacts/v3/import/:importId', (c) => {
    const entry = store.imports.find((candidate) => candidate.importId === c.req.param('importId'));
    if (!entry) throw new MockV3Error(404, 'contacts:importNotFound', 'No import has this id: use the importId the PUT answered.');
    return c.json(importJson(entry));
  });
  app.get('/contacts/v3/email/:email', (c) => {
    const contact = findContact(store, c.req.param('email'));
    if (!contact) throw new MockV3Error(404, 'contacts:contactNotFound', 'No contact has this email.');
    return c.json(v3ContactJson(store, contact));
  });
  app.patch('/contacts/v3/email/:email', async (c) => {
    const merge = c.req.query('merge-option') ?? 'overwrite';
    const mergeOption = MERGE_OPTIONS.find((option) => option === merge);
    const details: MockV3ErrorDetail[] = mergeOption ? [] : [{ item: 'merge-option', description: `merge-option must be one of ${MERGE_OPTIONS.join(', ')}.` }];
    const input = readV3Contact(store, parse(await c.req.text()), '', c.req.param('email'), details);
    if (!input.emailValid) details.push({ item: 'identifiers.email', description: "Invalid value for 'email'" });
    if (details.length) throw invalid(details);
    const { contact, created } = writeV3Contact(ctx.context(ctx.linkBase(c)), input, mergeOption!);
    return c.json(v3ContactJson(store, contact), created ? 201 : 200);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new MockV3Error(400, 'contacts:badJson', 'The request body is not valid JSON.');
  }
}
