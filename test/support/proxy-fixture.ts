import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER, type MockContact, type MockDotdigitalOptions } from '../../src/mock/index.js';
import { createSignupHandler, type SignupHandlerOptions } from '../../src/server/index.js';

export const CONSENT_TEXT = 'Yes, send me the Northwind newsletter. I can unsubscribe at any time.';
export const ENDPOINT = 'https://www.example.com/api/signup';
export const SITE = 'https://www.example.com';
/** An address book of the mock's demo account; any other id answers Dotdigital's 404. */
export const ADDRESS_BOOK_ID = 101;
/** The path of a signup's contact write (`POST /v2/contacts/with-consent-and-preferences`). */
export const CONTACT_WRITE = /with-consent-and-preferences/;
export const HOUR = 3_600_000;

/** A contact already in the mock's store, as Dotdigital holds one. */
export const storedContact = (email: string, optedIn: number[] = [], more: Partial<MockContact> = {}): MockContact => ({
  id: 900, email, optInType: 'Single', emailType: 'Html', status: 'Subscribed',
  dataFields: new Map(), consentRecords: [], optedIn: new Set(optedIn), addressBooks: new Set(), ...more,
});
/** A stored contact's opted-in preference ids, in order. */
export const optedIn = (contact: MockContact | undefined) => [...(contact?.optedIn ?? [])].sort((a, b) => a - b);

/** One injected upstream answer: for calls whose path matches, `times` times, instead of the mock. */
export interface Fault {
  path?: RegExp;
  method?: string;
  times?: number;
  answer: (request: Request) => Promise<Response>;
}

export const status = (code: number, body: unknown = { message: 'An error has occurred. ERROR_UNKNOWN' }, headers: Record<string, string> = {}) =>
  async () => new Response(JSON.stringify(body), { status: code, headers: { 'content-type': 'application/json', ...headers } });
export const reject = () => async () => Promise.reject(new TypeError('fetch failed'));
/** Never answers until the call is aborted (or `ms` pass, then passes through). */
export const hang = (ms = Infinity) => (request: Request) =>
  new Promise<Response>((_, fail) => {
    const timer = Number.isFinite(ms) ? setTimeout(() => fail(new TypeError('fetch failed')), ms) : undefined;
    request.signal.addEventListener('abort', () => (clearTimeout(timer), fail(request.signal.reason)));
  });

/** A clock that only moves when the handler sleeps, so retry tests run instantly and exactly. */
export function fakeClock(start = Date.parse('2026-03-01T12:00:00.000Z')) {
  const clock = {
    time: start,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
    random: () => 0.5,
  };
  return clock;
}

/** A logger that keeps every line, so tests can assert what was (and was not) logged. */
export function captureLogger() {
  const lines: Array<{ level: string; message: string; details?: Record<string, unknown> }> = [];
  const at = (level: string) => (message: string, details?: Record<string, unknown>) => void lines.push({ level, message, ...(details ? { details } : {}) });
  return { lines, info: at('info'), warn: at('warn'), error: at('error'), text: () => JSON.stringify(lines) };
}

/** The proxy wired to an in-process mock: no ports, plain Requests, every upstream call counted, faults injectable. */
export function proxyWithMock(options: Partial<SignupHandlerOptions> = {}, mockOptions: MockDotdigitalOptions = {}) {
  const mock = createMockDotdigital(mockOptions);
  const upstream: Request[] = [];
  const faults: Fault[] = [];
  const upstreamFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    upstream.push(request.clone());
    const path = new URL(request.url).pathname;
    const fault = faults.find((f) => (f.times ?? 1) > 0 && (!f.path || f.path.test(path)) && (!f.method || f.method === request.method));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      return fault.answer(request);
    }
    return mock.fetch(request);
  };
  const handler = createSignupHandler({
    apiUser: DEMO_API_USER,
    apiPassword: DEMO_API_PASSWORD,
    apiUrl: 'https://mock.dotdigital.test',
    consentText: CONSENT_TEXT,
    rateLimit: false,
    // Bot defense is tested on its own (test/server/bots); these tests are about everything after it.
    humanCheck: 'off',
    fetch: upstreamFetch as typeof fetch,
    logger: false, // tests that read the log pass captureLogger()
    ...options,
  });
  /** Upstream calls other than the form definition's (`GET /v2/preferences`, `/v2/data-fields`). */
  const writes = () => upstream.filter((r) => !/\/v2\/(preferences|data-fields)$/.test(new URL(r.url).pathname));
  /** How many contact writes reached Dotdigital (or a fault in its place). */
  const contactWrites = () => writes().filter((r) => CONTACT_WRITE.test(r.url)).length;
  return { mock, handler, upstream, writes, contactWrites, faults, upstreamFetch };
}

/**
 * `proxyWithMock` with a fake clock and a captured log, Dotdigital answering 503 to every call
 * (or only those matching `path`) until `recover()`.
 */
export function proxyInOutage(options: Partial<SignupHandlerOptions> = {}, path?: RegExp) {
  const clock = fakeClock();
  const logger = captureLogger();
  const proxy = proxyWithMock({ clock, logger, retry: { budgetMs: 2_000 }, ...options });
  const outage: Fault = { ...(path ? { path } : {}), times: Infinity, answer: status(503) };
  proxy.faults.push(outage);
  const recover = () => void (outage.times = 0);
  return { ...proxy, clock, logger, recover };
}

/** The consent block a browser sends after loading the definition. */
export async function consentFor(handler: (r: Request) => Promise<Response>) {
  const definition = (await (await handler(new Request(ENDPOINT))).json()) as { consent: { text: string; version: string } };
  return { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/signup` };
}

/** A valid signup body for the definition `handler` serves. */
export async function validBody(handler: (r: Request) => Promise<Response>, extra: Record<string, unknown> = {}) {
  return { email: 'ann@example.com', preferences: [2], consent: await consentFor(handler), ...extra };
}

export function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Vitest/1.0', origin: SITE, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Reads an error answer, checking it has the protocol's shape. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; field?: string }> {
  const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
  if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string') throw new Error(`not an error body: ${JSON.stringify(body)}`);
  return body.error;
}
