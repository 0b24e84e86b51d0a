import { Hono, type Context } from 'hono';
import { MockApiError } from './mock-api-error.js';
import { registerApiRoutes } from './mock-api-routes.js';
import { createFaultQueue, delay, type MockFault } from './mock-faults.js';
import { registerHumanRoutes } from './mock-human-routes.js';
import { createCallLimits } from './mock-limits.js';
import type { MockDotdigitalOptions } from './mock-options.js';
import { DEMO_API_PASSWORD, DEMO_API_USER } from './mock-seed.js';
import { createMockStore, MAX_LOGGED_CALLS, type MockStore } from './mock-store.js';
import { unsubscribeContact } from './mock-subscription.js';

/** A running mock: a Fetch handler plus the in-memory account behind it. */
export interface MockDotdigital {
  /** Answers like Dotdigital. `fetch`-compatible: pass `mock.fetch` wherever a `fetch` is injectable. */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** The account: contacts, preferences, data fields, address books, outbox, recent calls. */
  store: MockStore;
  /** Fails the next matching API calls (a 5xx, or a dropped connection). */
  inject(fault: MockFault): void;
  /** Forgets every fault not yet used. */
  clearFaults(): void;
  /** Delays every later API answer by `ms`. */
  setLatency(ms: number): void;
  /** Unsubscribes an address, as its owner clicking an unsubscribe link would. */
  unsubscribe(email: string): void;
  /** Empties contacts, outbox and call log; keeps the account's preferences, fields and books. */
  reset(): void;
}

const API_PATH = /^[a-z]+:\/\/[^/]+(\/v2\/[^?#]*)/i;
// The region a host names: r2-api.dotdigital.com → r2; the legacy api.dotmailer.com is r1.
const REGION_HOST = /^https?:\/\/(?:(r\d+)-)?api[^/]*\.(?:dotmailer|dotdigital)\.com(?::\d+)?\//i;

/**
 * A local Dotdigital v2 API for the demo, our tests and yours: Basic auth, regions, the
 * contact, consent and preference calls, double opt-in with an outbox, suppression, rate
 * limits and injected faults, and a page at `/` showing what it received. See README,
 * "Test against the mock".
 *
 * @example
 * const mock = createMockDotdigital({ forceDoubleOptIn: true });
 * const handler = createSignupHandler({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: 'http://mock', consentText, fetch: mock.fetch });
 * await mock.fetch(mock.store.outbox[0]!.link); // the contact clicks the confirmation link
 */
export function createMockDotdigital(options: MockDotdigitalOptions = {}): MockDotdigital {
  const store = createMockStore(options);
  const now = options.now ?? (() => new Date());
  const expected = `Basic ${btoa(`${options.apiUser ?? DEMO_API_USER}:${options.apiPassword ?? DEMO_API_PASSWORD}`)}`;
  const limits = options.rateLimit || options.hourlyCap !== undefined ? createCallLimits(options.rateLimit, options.hourlyCap) : undefined;
  const faults = createFaultQueue(options.faults);
  let latencyMs = options.latencyMs ?? 0;
  const app = new Hono();

  app.use('/v2/*', async (c, next) => {
    await next();
    logCall(c.req.method, c.req.path, c.res.status);
  });
  app.use('/v2/*', async (c, next) => {
    if (c.req.header('authorization') !== expected) return c.json({ message: 'Authorization has been denied for this request.' }, 401);
    if (options.region && c.req.path !== '/v2/account-info') {
      const host = REGION_HOST.exec(c.req.url);
      if (host && (host[1] ?? 'r1').toLowerCase() !== options.region) return c.json({ message: 'Forbidden: Access is denied' }, 403);
    }
    if (!limits) return next();
    const verdict = limits(now().getTime());
    if (verdict.refusal) return c.json({ message: verdict.refusal.message }, verdict.refusal.status, verdict.headers);
    await next();
    for (const [name, value] of Object.entries(verdict.headers ?? {})) c.res.headers.set(name, value);
  });
  const origin = (c: Context) => new URL(c.req.url).origin;
  registerApiRoutes(app, {
    store,
    now,
    apiEndpoint: (c) => (options.apiEndpoint ?? (options.region ? `https://${options.region}-api.dotdigital.com` : origin(c))).replace(/\/+$/, ''),
    writeContext: (c) => ({
      store,
      now: now(),
      forceDoubleOptIn: options.forceDoubleOptIn ?? false,
      suppressedWrites: options.suppressedWrites ?? 'refuse',
      linkBase: (options.publicUrl ?? origin(c)).replace(/\/+$/, ''),
    }),
  });
  let outage = false;
  const outageSwitch = {
    get active() {
      return outage;
    },
    set(on: boolean) {
      outage = on;
    },
  };
  registerHumanRoutes(app, { store, now, options, outage: outageSwitch });
  app.notFound((c) => c.json({ message: 'No HTTP resource was found that matches the request URI. ERROR_RESOURCE_NOT_FOUND' }, 404));
  app.onError((error, c) => {
    if (error instanceof MockApiError) return c.json({ message: error.message }, error.status as 400);
    console.error('Mock Dotdigital: unexpected error', error);
    return c.json({ message: 'An error has occurred.' }, 500);
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
    reset: () => {
      store.contacts.clear();
      store.outbox.length = 0;
      store.requests.length = 0;
      store.nextContactId = 1;
      for (const email of options.suppressed ?? []) unsubscribeContact(store, email).status = 'Suppressed';
    },
  };
}
