import { DotdigitalApiError, readErrorToken } from './dotdigital-api-error.js';

/** A preference or category from `GET /v2/preferences`. */
export interface DotdigitalPreference {
  id: number;
  publicName: string;
  isPreference: boolean;
  isPublic: boolean;
  order?: string;
  isOptedIn?: boolean;
  preferences?: DotdigitalPreference[];
}

/** A data field from `GET /v2/data-fields`. */
export interface DotdigitalDataField {
  name: string;
  type: 'String' | 'Numeric' | 'Date' | 'Boolean';
}

/** The body of `POST /v2/contacts/with-consent-and-preferences`. */
export interface ContactWithConsentBody {
  contact: {
    email: string;
    optInType: 'Single' | 'VerifiedDouble';
    emailType: 'Html';
    dataFields: Array<{ key: string; value: string | number | boolean | null }>;
  };
  consentFields: Array<{ fields: Array<{ key: string; value: string }> }>;
  preferences: Array<{ id: number; isPreference: boolean; isOptedIn?: boolean; preferences?: Array<{ id: number; isPreference: true; isOptedIn: boolean }> }>;
}

/** Options of {@link createDotdigitalClient}. */
export interface DotdigitalClientOptions {
  apiUser: string;
  apiPassword: string;
  /** Base URL, e.g. `https://r1-api.dotdigital.com`. */
  apiUrl: string;
  fetch?: typeof fetch;
  /** Per-call timeout in milliseconds. Default 10 000. */
  timeoutMs?: number;
}

/** The calls the proxy makes to Dotdigital. Every method throws {@link DotdigitalApiError}. */
export interface DotdigitalClient {
  getPreferences(): Promise<DotdigitalPreference[]>;
  getDataFields(): Promise<DotdigitalDataField[]>;
  /** The contact's preference tree with `isOptedIn`; `undefined` when no such contact exists. */
  getContactPreferences(email: string): Promise<DotdigitalPreference[] | undefined>;
  createContactWithConsentAndPreferences(body: ContactWithConsentBody): Promise<{ id: number; status: string; optInType: string }>;
  addContactToAddressBook(addressBookId: number, contact: { email: string; optInType: string }): Promise<void>;
}

/**
 * The server-side Dotdigital v2 client: the only code that knows Dotdigital's shapes.
 *
 * @example
 * const client = createDotdigitalClient({ apiUser, apiPassword, apiUrl: 'https://r1-api.dotdigital.com' });
 * const tree = await client.getPreferences();
 */
export function createDotdigitalClient(options: DotdigitalClientOptions): DotdigitalClient {
  const base = options.apiUrl.replace(/\/+$/, '');
  const authorization = `Basic ${btoa(`${options.apiUser}:${options.apiPassword}`)}`;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: { authorization, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const reason = (cause as Error)?.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : 'network error';
      throw new DotdigitalApiError(0, undefined, `Dotdigital ${method} ${path}: ${reason}`);
    }
    const parsed: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const token = readErrorToken(parsed);
      throw new DotdigitalApiError(response.status, token, `Dotdigital ${method} ${path} answered ${response.status}${token ? ` ${token}` : ''}`);
    }
    return parsed as T;
  }

  return {
    getPreferences: () => call('GET', '/v2/preferences'),
    getDataFields: () => call('GET', '/v2/data-fields'),
    async getContactPreferences(email) {
      try {
        return await call<DotdigitalPreference[]>('GET', `/v2/contacts/${encodeURIComponent(email)}/preferences`);
      } catch (error) {
        if (error instanceof DotdigitalApiError && error.status === 404) return undefined;
        throw error;
      }
    },
    async addContactToAddressBook(addressBookId, contact) {
      await call('POST', `/v2/address-books/${addressBookId}/contacts`, { email: contact.email, optInType: contact.optInType, emailType: 'Html' });
    },
    async createContactWithConsentAndPreferences(body) {
      const answer = await call<{ contact?: { id?: number; status?: string; optInType?: string } }>(
        'POST', '/v2/contacts/with-consent-and-preferences', body,
      );
      return { id: answer.contact?.id ?? 0, status: answer.contact?.status ?? 'Unknown', optInType: answer.contact?.optInType ?? 'Unknown' };
    },
  };
}
