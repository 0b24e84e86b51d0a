import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER, type MockDotdigitalOptions } from '../../src/mock/index.js';
import { createSignupHandler, type SignupClock, type SignupHandlerOptions } from '../../src/server/index.js';

export const CONSENT_TEXT = 'Yes, send me the Northwind newsletter. I can unsubscribe at any time.';
export const ENDPOINT = 'https://www.example.com/api/signup';
export const SITE = 'https://www.example.com';

/** A clock that never waits: `sleep` moves time on at once and records how long it "slept". */
export function fakeClock(start = Date.now()) {
  let now = start;
  const sleeps: number[] = [];
  const clock: SignupClock & { advance(ms: number): void; sleeps: number[] } = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
  return clock;
}

/** Every log line, so tests can read what an operator would see. */
export function captureLogs() {
  const lines: Array<{ level: 'info' | 'warn' | 'error'; message: string; details?: Record<string, unknown> }> = [];
  const push = (level: 'info' | 'warn' | 'error') => (message: string, details?: Record<string, unknown>) => {
    lines.push(details === undefined ? { level, message } : { level, message, details });
  };
  return { lines, logger: { info: push('info'), warn: push('warn'), error: push('error') }, text: () => JSON.stringify(lines) };
}

/** Sits between the proxy and the mock: return a Response (or throw) to play a fault, or call `next`. */
export type Intercept = (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;

/** The proxy wired to an in-process mock: no ports, plain Requests, every upstream call recorded. */
export function proxyWithMock(options: Partial<SignupHandlerOptions> = {}, mockOptions: MockDotdigitalOptions = {}, intercept?: Intercept) {
  const mock = createMockDotdigital(mockOptions);
  const upstream: Request[] = [];
  const logs = captureLogs();
  const clock = fakeClock();
  const handler = createSignupHandler({
    apiUser: DEMO_API_USER,
    apiPassword: DEMO_API_PASSWORD,
    apiUrl: 'https://mock.dotdigital.test',
    consentText: CONSENT_TEXT,
    logger: logs.logger,
    clock,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      upstream.push(request.clone());
      return intercept ? intercept(request, (r) => mock.fetch(r)) : mock.fetch(request);
    },
    ...options,
  });
  const writes = () => upstream.filter((r) => r.method !== 'GET');
  return { mock, handler, upstream, writes, logs, clock };
}

/** A valid signup body for the definition `handler` serves. */
export async function validBody(handler: (r: Request) => Promise<Response>, extra: Record<string, unknown> = {}) {
  const definition = (await (await handler(new Request(ENDPOINT))).json()) as { consent: { text: string; version: string } };
  return {
    email: 'ann@example.com',
    preferences: [2],
    consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/signup` },
    ...extra,
  };
}

/** A JSON POST to the endpoint, from the site's origin unless told otherwise. */
export function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Vitest/1.0', origin: SITE, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The error body of a response, asserting its shape. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; field?: string }> {
  const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
  return body.error;
}

/** A Dotdigital-shaped error answer. */
export function dotdigitalError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ message }), { status, headers: { 'content-type': 'application/json', ...headers } });
}
