import type { CallBudget } from './call-budget.js';
import { apiEndpointFrom, DISCOVERY_URL, rawApiEndpoint } from './api-endpoint.js';
import { DotdigitalApiError } from './dotdigital-api-error.js';
import { asArray, checkedApiUrl, heldContact, v3Status, writeResult } from './dotdigital-answers.js';
import { callDotdigital, type CallConfig, type CallMetrics, type CallSpec } from './dotdigital-call.js';
import type { ContactWithConsentBody, ContactWriteResult, DotdigitalDataField, DotdigitalPreference, HeldContact, V3Contact, V3ContactBody } from './dotdigital-types.js';
import type { DotdigitalRateLimit } from './rate-limit.js';
import { readImportReport, type ImportReport } from './import-report.js';

export type { ContactWithConsentBody, DotdigitalDataField, DotdigitalPreference } from './dotdigital-types.js';

/** Options of {@link createDotdigitalClient}. */
export interface DotdigitalClientOptions {
  apiUser: string;
  apiPassword: string;
  /**
   * Base URL, e.g. `https://r2-api.dotdigital.com`, used as given (your configuration, so the
   * mock's `http://127.0.0.1:4010` works too). Absent or empty: the client asks
   * `GET /v2/account-info` on r1 once and uses the `ApiEndpoint` it names, if that is one of
   * Dotdigital's hosts.
   */
  apiUrl?: string;
  fetch?: typeof fetch;
  /** Per-call timeout in milliseconds (Dotdigital documents 121 s; a form should not wait that long). Default 10 000. */
  timeoutMs?: number;
  /** The clock in epoch milliseconds, for tests of rate-limit resets. */
  now?: () => number;
  /** Told the `X-RateLimit-*` headers of every answer that has them (where a shared call budget listens). */
  onRateLimit?: (rateLimit: DotdigitalRateLimit) => void;
  /** Dotdigital's call budget shared by every instance (see `CallBudget`): each call asks it first and reports its outcome. Default: none. */
  budget?: CallBudget;
  /** Told each call's outcome and time, and each call the budget held back (the handler's metrics). */
  metrics?: CallMetrics;
}

/**
 * The calls the proxy makes to Dotdigital, one HTTP request each (retries are the caller's).
 * Every method throws {@link DotdigitalApiError}; a contact who is suppressed or unsubscribed
 * is `kind: 'suppressed'`, whether Dotdigital refused the write or answered 2xx with such a status.
 */
export interface DotdigitalClient {
  getPreferences(): Promise<DotdigitalPreference[]>;
  getDataFields(): Promise<DotdigitalDataField[]>;
  /** The contact's preference tree with `isOptedIn`; `undefined` when no such contact exists. */
  getContactPreferences(email: string): Promise<DotdigitalPreference[] | undefined>;
  createContactWithConsentAndPreferences(body: ContactWithConsentBody): Promise<ContactWriteResult>;
  addContactToAddressBook(addressBookId: number, contact: { email: string; optInType: string; dataFields?: ContactWithConsentBody['contact']['dataFields'] }): Promise<void>;
  /** v3: the contact's email status (`subscribed`, `unsubscribed`, `pendingOptIn`, `suppressed`, …); `undefined` when no such contact exists. */
  getContactStatus(email: string): Promise<string | undefined>;
  /** v3: what Dotdigital holds for the contact (status, data fields, opted-in preferences, lists); `undefined` when no such contact exists. */
  getContact(email: string): Promise<HeldContact | undefined>;
  /**
   * v3 upsert (`PATCH /contacts/v3/email/{email}?merge-option=overwriteIfEmpty`): a data field
   * that has a value keeps it; the contact's email status after the write.
   */
  upsertContact(body: V3ContactBody): Promise<{ status: string }>;
  /** `PUT /contacts/v3/import` (merge option `overwriteIfEmpty`: filled data fields keep their value): Dotdigital's import id. */
  startImport(contacts: V3Contact[]): Promise<string>;
  /** `GET /contacts/v3/import/{id}`, read. */
  getImport(importId: string): Promise<ImportReport>;
}

/**
 * The server-side Dotdigital v2 client: one HTTP call per method. Dotdigital's shapes are
 * this folder's business: their types (dotdigital-types.ts), the contact body
 * (build-contact-body.ts) and what each failure means (failure-table.ts).
 *
 * A contact the v2 writes refuse as unsubscribed or suppressed is reported as a typed `kind`
 * (`suppressed`); the submit step then tries the v3 resubscribe flow (`getContactStatus`,
 * `upsertContact`), and the proxy gives every such contact one answer.
 *
 * @example
 * const client = createDotdigitalClient({ apiUser, apiPassword }); // region discovered on first call
 * const tree = await client.getPreferences();
 */
export function createDotdigitalClient(options: DotdigitalClientOptions): DotdigitalClient {
  const explicit = options.apiUrl?.trim() ? checkedApiUrl(options.apiUrl) : undefined;
  const config: CallConfig = {
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    authorization: `Basic ${btoa(`${options.apiUser}:${options.apiPassword}`)}`,
    timeoutMs: options.timeoutMs ?? 10_000,
    now: options.now ?? Date.now,
    onRateLimit: options.onRateLimit ?? (() => undefined),
    budget: options.budget,
    metrics: options.metrics,
  };
  let discovered: Promise<string> | undefined;

  function resolveApiUrl(): Promise<string> {
    if (explicit) return Promise.resolve(explicit);
    discovered ??= discover().catch((error: unknown) => {
      discovered = undefined; // a failed discovery is retried by the next call
      throw error;
    });
    return discovered;
  }

  async function discover(): Promise<string> {
    const { body } = await callDotdigital(config, { base: DISCOVERY_URL, method: 'GET', path: '/v2/account-info', label: 'GET /v2/account-info' });
    const endpoint = apiEndpointFrom(body);
    if (endpoint) return endpoint;
    throw new DotdigitalApiError(200, undefined,
      `Dotdigital account-info named ApiEndpoint ${JSON.stringify(rawApiEndpoint(body) ?? null)}, which is not a Dotdigital API host; refusing to send credentials there — set apiUrl to your region's host (e.g. https://r1-api.dotdigital.com).`,
      undefined, { kind: 'wrong_region' });
  }

  async function call(spec: Omit<CallSpec, 'base'>): Promise<{ status: number; body: unknown; missing?: true }> {
    try {
      return await callDotdigital(config, { ...spec, base: await resolveApiUrl() });
    } catch (error) {
      // A region that refuses a discovered endpoint may have moved: discover again next time.
      if (!explicit && error instanceof DotdigitalApiError && error.kind === 'wrong_region') discovered = undefined;
      throw error;
    }
  }

  const list = async <T>(path: string): Promise<T[]> => asArray<T>(await call({ method: 'GET', path, label: `GET ${path}` }), `GET ${path}`);
  const contactPath = (idOrEmail: string | number) => `/v2/contacts/${encodeURIComponent(String(idOrEmail))}`;
  const write = async (path: string, body: unknown) => writeResult(await call({ method: 'POST', path, label: `POST ${path}`, body }), `POST ${path}`);
  // A contact who does not exist is an answer (undefined), not an error.
  const getContact = (email: string) =>
    call({ method: 'GET', path: `/contacts/v3/email/${encodeURIComponent(email)}`, label: 'GET /contacts/v3/email/{email}', missingIsAnswer: true })
      .then((answer) => (answer.missing ? undefined : heldContact(answer, 'GET /contacts/v3/email/{email}')));

  return {
    getPreferences: () => list<DotdigitalPreference>('/v2/preferences'),
    getDataFields: () => list<DotdigitalDataField>('/v2/data-fields'),
    // A contact who does not exist is an answer (undefined), not an error.
    getContactPreferences: (email) =>
      call({ method: 'GET', path: `${contactPath(email)}/preferences`, label: 'GET /v2/contacts/{email}/preferences', missingIsAnswer: true })
        .then((answer) => (answer.missing ? undefined : asArray<DotdigitalPreference>(answer, 'GET /v2/contacts/{email}/preferences'))),
    createContactWithConsentAndPreferences: (body) => write('/v2/contacts/with-consent-and-preferences', body),
    async addContactToAddressBook(addressBookId, contact) {
      const path = `/v2/address-books/${encodeURIComponent(String(addressBookId))}/contacts`;
      const answer = await call({ method: 'POST', path, label: 'POST /v2/address-books/{id}/contacts', body: { email: contact.email, optInType: contact.optInType, emailType: 'Html', dataFields: contact.dataFields ?? [] } });
      writeResult({ status: answer.status, body: { contact: answer.body } }, 'POST /v2/address-books/{id}/contacts');
    },
    getContactStatus: async (email) => (await getContact(email))?.status,
    getContact,
    upsertContact: async (body) => {
      const label = 'PATCH /contacts/v3/email/{email}';
      return { status: v3Status(await call({ method: 'PATCH', path: `/contacts/v3/email/${encodeURIComponent(body.identifiers.email)}?merge-option=overwriteIfEmpty`, label, body }), label) };
    },
    async startImport(contacts) {
      const answer = await call({ method: 'PUT', path: '/contacts/v3/import', label: 'PUT /contacts/v3/import', body: { mergeOption: 'overwriteIfEmpty', contacts } });
      const importId = (answer.body as { importId?: unknown } | undefined)?.importId;
      if (typeof importId === 'string' && importId !== '') return importId;
      throw new DotdigitalApiError(answer.status, undefined, `Dotdigital PUT /contacts/v3/import answered ${answer.status} without an importId; try again later.`, undefined, { kind: 'unavailable' });
    },
    getImport: async (importId) =>
      readImportReport((await call({ method: 'GET', path: `/contacts/v3/import/${encodeURIComponent(importId)}`, label: 'GET /contacts/v3/import/{id}' })).body),
  };
}
