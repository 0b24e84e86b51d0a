import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER, type MockDotdigitalOptions } from '../../src/mock/index.js';
import { createSignupHandler, type SignupHandlerOptions } from '../../src/server/index.js';

export const CONSENT_TEXT = 'Yes, send me the Northwind newsletter. I can unsubscribe at any time.';
export const ENDPOINT = 'https://www.example.com/api/signup';

/** The proxy wired to an in-process mock: no ports, plain Requests, every upstream call counted. */
export function proxyWithMock(options: Partial<SignupHandlerOptions> = {}, mockOptions: MockDotdigitalOptions = {}) {
  const mock = createMockDotdigital(mockOptions);
  const upstream: Request[] = [];
  const handler = createSignupHandler({
    apiUser: DEMO_API_USER,
    apiPassword: DEMO_API_PASSWORD,
    apiUrl: 'https://mock.dotdigital.test',
    consentText: CONSENT_TEXT,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      upstream.push(request.clone());
      return mock.fetch(request);
    },
    ...options,
  });
  return { mock, handler, upstream };
}

/** A valid signup body for the definition `handler` serves. */
export async function validBody(handler: (r: Request) => Promise<Response>, extra: Record<string, unknown> = {}) {
  const definition = (await (await handler(new Request(ENDPOINT))).json()) as { consent: { text: string; version: string } };
  return {
    email: 'ann@example.com',
    preferences: [2],
    consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: 'https://www.example.com/signup' },
    ...extra,
  };
}

export function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Vitest/1.0', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
