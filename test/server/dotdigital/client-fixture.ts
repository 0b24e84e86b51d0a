import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER, listenMock, type MockDotdigital, type MockDotdigitalOptions } from '../../../src/mock/index.js';
import { FAILURE_TABLE } from '../../../src/server/dotdigital/failure-table.js';
import { createDotdigitalClient, DotdigitalApiError, type DotdigitalClientOptions } from '../../../src/server/dotdigital/index.js';

/** A mock and a client pointed at it, reached in-process or over a real HTTP socket. */
export interface Harness {
  mock: MockDotdigital;
  client: ReturnType<typeof createDotdigitalClient>;
  close: () => Promise<void>;
}

type Start = (mockOptions?: MockDotdigitalOptions, clientOptions?: Partial<DotdigitalClientOptions>) => Promise<Harness>;

/** The two ways the proxy meets Dotdigital: the same client tests run over both. */
export const transports: Array<{ name: string; start: Start }> = [
  {
    name: 'in process',
    start: async (mockOptions = {}, clientOptions = {}) => {
      const mock = createMockDotdigital(mockOptions);
      const client = createDotdigitalClient({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'http://127.0.0.1:4999', fetch: mock.fetch, ...clientOptions });
      return { mock, client, close: async () => undefined };
    },
  },
  {
    name: 'over HTTP',
    start: async (mockOptions = {}, clientOptions = {}) => {
      const { mock, url, close } = await listenMock(mockOptions);
      const client = createDotdigitalClient({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: url, ...clientOptions });
      return { mock, client, close };
    },
  },
];

/** The DotdigitalApiError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function failure(work: Promise<unknown>): Promise<DotdigitalApiError> {
  const outcome = await work.then(
    (value) => new Error(`expected a DotdigitalApiError, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
  if (!(outcome instanceof DotdigitalApiError)) throw outcome;
  return outcome;
}

/** A with-consent-and-preferences body as the proxy builds it. */
export function body(email: string, extra: { optInType?: 'Single' | 'VerifiedDouble'; dataFields?: Array<{ key: string; value: string | number | boolean | null }>; preferences?: Array<{ id: number; isPreference: boolean; isOptedIn?: boolean }> } = {}) {
  return {
    contact: { email, optInType: extra.optInType ?? 'Single', emailType: 'Html' as const, dataFields: extra.dataFields ?? [] },
    consentFields: [{ fields: [{ key: 'TEXT', value: 'Yes, send me the newsletter.' }, { key: 'URL', value: 'https://www.example.com/signup' }] }],
    preferences: extra.preferences ?? [{ id: 5, isPreference: true, isOptedIn: true }],
  };
}

/** True when trying again later may succeed: the failure table queues (and keeps) such a signup. */
export const transient = (error: DotdigitalApiError): boolean => FAILURE_TABLE[error.kind].queueLive;
