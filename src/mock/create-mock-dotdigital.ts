import { Hono, type Context } from 'hono';
import type { MockContactStatus } from './account/mock-contact.js';
import type { MockDotdigitalOptions, MockFault } from './account/mock-options.js';
import { DEMO_API_PASSWORD, DEMO_API_USER } from './account/mock-seed.js';
import { createMockStore, findContact, MAX_LOGGED_CALLS, newContact, seedStatuses, type MockStore } from './account/mock-store.js';
import { readJson, registerApiRoutes } from './routes/mock-api-routes.js';
import { refuse, registerGate } from './routes/mock-gate.js';
import { registerHumanRoutes } from './routes/mock-human-routes.js';
import { registerJsonRoutes } from './routes/mock-json-routes.js';
import { registerResubscribeRoutes } from './routes/mock-resubscribe-routes.js';
import { registerV3Routes } from './routes/mock-v3-routes.js';
import { createFaultQueue, delay } from './rules/mock-faults.js';
import { settleImports, type ImportSettings } from './rules/mock-imports.js';
import { createCallLimits } from './rules/mock-limits.js';
import { DEFAULT_CHALLENGE_LIMIT } from './rules/mock-resubscribe.js';
import { unsubscribeContact } from './rules/mock-subscription.js';
import type { V3WriteContext } from './rules/mock-v3-contact.js';
import { MockApiError, MockV3Error } from './wire/mock-api-error.js';

/** A running mock: a Fetch handler plus the in-memory account behind it. */
export interface MockDotdigital {
  /** Answers like Dotdigital. `fetch`-compatible: pass `mock.fetch` wherever a `fetch` is injectable. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The account: contacts, preferences, data fields, address books, outbox, recent calls. */
  store: MockStore;
  /** Fails the next matching API calls (a 5xx, or a dropped connection), imports or imported contacts. */
  inject(fault: MockFault): void;
  /** Forgets every fault not yet used. */
  clearFaults(): void;
  /** Delays every later API answer by `ms`. */
  setLatency(ms: number): void;
  /** Unsubscribes an address, as its owner clicking an unsubscribe link would. */
  unsubscribe(email: string): void;
  /** Gives an address (created if new) a status: `HardBounced`, `IspComplained`, `Suppressed` (suppression list), …. */
  setStatus(email: string, status: MockContactStatus): void;
  /** Empties contacts, outbox and call log; keeps the account's preferences, fields and books. */
  reset(): void;
}

const API_PATH = /^[a-z]+:\/\/[^/]+(\/(?:v2|contacts\/v3)\/[^?#]*)/i;

/**
 * A local Dotdigital API for the demo, our tests and yours: Basic auth, regions, the v2
 * contact, consent, preference and resubscribe calls, the v3 bulk import and contact upsert,
 * double opt-in with an outbox, unsubscribed/suppressed/bounced contacts, rate limits and
 * injected faults, and a page at `/` showing what it received. See README, "Test against the mock".
 *
 * @example
 * const mock = createMockDotdigital({ forceDoubleOptIn: true });
 * const handler = createSignupHandler({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'http://mock', consentText, fetch: mock.fetch });
 * await mock.fetch(mock.store.outbox[0]!.link); // the contact clicks the confirmation link
 */
export function createMockDotdigital(options: MockDotdigitalOptions = {}): MockDotdigital {
  const store = createMockStore(options);
  const now = options.now ?? (() => new Date());
  const limits = options.rateLimit || options.hourlyCap !== undefined ? createCallLimits(options.rateLimit, options.hourlyCap) : undefined;
  const faults = createFaultQueue(options.faults);
  let latencyMs = options.latencyMs ?? 0;
  const app = new Hono();
  const origin = (c: Context) => new URL(c.req.url).origin;
  const linkBase = (c: Context) => (options.publicUrl ?? origin(c)).replace(/\/+$/, '');
  const account = (base: string): V3WriteContext => ({
    store,
    now: now(),
    forceDoubleOptIn: options.forceDoubleOptIn ?? false,
    suppressedWrites: options.suppressedWrites ?? 'refuse',
    linkBase: base,
    challengeLimit: options.resubscribeChallengeLimit ?? DEFAULT_CHALLENGE_LIMIT,
  });
  const imports: ImportSettings = { context: account, sendOptInEmail: options.importsSendOptInEmail ?? true };
  const settle = () => settleImports(store, imports, now().getTime());

  registerGate(app, {
    expected: `Basic ${btoa(`${options.apiUser ?? DEMO_API_USER}:${options.apiPassword ?? DEMO_API_PASSWORD}`)}`,
    region: options.region, limits, now, beforeCall: settle, logCall,
  });
  registerApiRoutes(app, {
    store,
    now,
    apiEndpoint: (c) => (options.apiEndpoint ?? (options.region ? `https://${options.region}-api.dotdigital.com` : origin(c))).replace(/\/+$/, ''),
    writeContext: (c) => account(linkBase(c)),
  });
  registerResubscribeRoutes(app, { store, resubscribeContext: (c) => account(linkBase(c)), readJson });
  registerV3Routes(app, {
    ...imports, store, now, faults, linkBase,
    processingMs: options.importProcessingMs ?? 1000,
    bodyLimitBytes: options.importBodyLimitBytes ?? 50 * 1024 * 1024,
  });
  let outage = false;
  const outageSwitch = { get active() { return outage; }, set: (on: boolean) => void (outage = on) };
  registerHumanRoutes(app, { store, now, options, outage: outageSwitch, faults, settle });
  registerJsonRoutes(app, { store, settle });
  app.notFound((c) => refuse(c, 404, 'No HTTP resource was found that matches the request URI. ERROR_RESOURCE_NOT_FOUND', 'notFound'));
  app.onError((error, c) => {
    if (error instanceof MockApiError) return c.json({ message: error.message }, error.status as 400);
    if (error instanceof MockV3Error) return c.json(error.body(), error.status as 400);
    console.error('Mock Dotdigital: unexpected error', error);
    return refuse(c, 500, 'An error has occurred.', 'internalError');
  });

  async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const api = API_PATH.exec(request.url);
    if (api) {
      if (latencyMs > 0) await delay(latencyMs, request.signal);
      try {
        const injected = outage ? new Response('<html><body><h1>503 Service Unavailable</h1></body></html>', { status: 503, headers: { 'content-type': 'text/html' } }) : faults.take(request.method, api[1]!);
        if (injected) {
          logCall(request.method, api[1]!, injected.status);
          return injected;
        }
      } catch (dropped) {
        logCall(request.method, api[1]!, 0);
        throw dropped;
      }
    }
    return app.fetch(request);
  }

  // Injected failures never reach the app, so they are logged here (status 0: connection dropped).
  function logCall(method: string, path: string, status: number): void {
    store.requests.push({ method, path, status, at: now().toISOString() });
    if (store.requests.length > 2 * MAX_LOGGED_CALLS) store.requests.splice(0, store.requests.length - MAX_LOGGED_CALLS);
  }

  return {
    fetch,
    store,
    inject: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    unsubscribe: (email) => {
      unsubscribeContact(store, email);
    },
    setStatus: (email, status) => {
      const contact = findContact(store, email) ?? newContact(store, email.trim());
      contact.status = status;
      contact.resubscribing = false;
    },
    reset: () => {
      store.contacts.clear();
      store.outbox.length = 0;
      store.requests.length = 0;
      store.imports.length = 0;
      store.nextContactId = 1;
      seedStatuses(store, options);
    },
  };
}
