import { Hono, type Context } from 'hono';
import { consentEcho, MockApiError, writeContactWithConsent } from './mock-contact-write.js';
import { DEMO_API_PASSWORD, DEMO_API_USER } from './mock-seed.js';
import { contactJson, createMockStore, findContact, preferenceTreeFor, type MockStore, type MockStoreOptions } from './mock-store.js';
import { renderMockHome } from './render-mock-home.js';

/** Options of {@link createMockDotdigital}. */
export interface MockDotdigitalOptions extends MockStoreOptions {
  /** API user the mock accepts. Default: the demo user. */
  apiUser?: string;
  /** Password the mock accepts. Default: the demo password. */
  apiPassword?: string;
  /** What `ApiEndpoint` in `/v2/account-info` says; set it to the URL the mock is reachable at. */
  apiEndpoint?: string;
  /** The clock, for tests. */
  now?: () => Date;
}

/** A running mock: a Fetch handler plus the in-memory account behind it. */
export interface MockDotdigital {
  fetch: (request: Request) => Promise<Response>;
  store: MockStore;
}

/**
 * A local Dotdigital v2 API that behaves like the real one for the calls a signup needs:
 * Basic auth, preferences, data fields, contacts with consent and preferences.
 *
 * @example
 * const mock = createMockDotdigital();
 * const handler = createSignupHandler({ ..., apiUrl: 'http://mock', fetch: (input, init) => mock.fetch(new Request(input, init)) });
 */
export function createMockDotdigital(options: MockDotdigitalOptions = {}): MockDotdigital {
  const store = createMockStore(options);
  const user = options.apiUser ?? DEMO_API_USER;
  const password = options.apiPassword ?? DEMO_API_PASSWORD;
  const now = options.now ?? (() => new Date());
  const expected = `Basic ${btoa(`${user}:${password}`)}`;
  const app = new Hono();

  app.use('*', async (c, next) => {
    store.requests.push({ method: c.req.method, path: new URL(c.req.url).pathname });
    await next();
  });
  app.get('/', (c) => c.html(renderMockHome(store)));
  app.use('/v2/*', async (c, next) => {
    if (c.req.header('authorization') !== expected) {
      return c.json({ message: 'Authorization has been denied for this request.' }, 401);
    }
    await next();
  });
  app.get('/v2/account-info', (c) =>
    c.json({
      id: 1,
      properties: [
        { name: 'Name', type: 'String', value: 'Demo account' },
        { name: 'ApiEndpoint', type: 'String', value: `${options.apiEndpoint ?? new URL(c.req.url).origin}/` },
      ],
    }),
  );
  app.get('/v2/preferences', (c) => c.json(store.preferences));
  app.get('/v2/data-fields', (c) => c.json(store.dataFields));
  app.get('/v2/contacts/:idOrEmail', (c) => withContact(c, store, (contact) => contactJson(contact)));
  app.get('/v2/contacts/:idOrEmail/with-consent', (c) =>
    withContact(c, store, (contact) => ({
      contact: contactJson(contact),
      consentFields: contact.consentRecords.map((record) => ({
        id: record.id,
        fields: [
          ...Object.entries(record.fields).map(([key, value]) => ({ key, value })),
          { key: 'DATETIMECREATED', value: record.created },
        ],
      })),
    })),
  );
  app.get('/v2/contacts/:idOrEmail/preferences', (c) => withContact(c, store, (contact) => preferenceTreeFor(store, contact)));
  for (const withPreferences of [true, false]) {
    const path = withPreferences ? '/v2/contacts/with-consent-and-preferences' : '/v2/contacts/with-consent';
    app.post(path, async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      if (body === undefined) return c.json({ message: 'The request is invalid. ERROR_INVALID_REQUEST' }, 400);
      const { contact, recordsAdded } = writeContactWithConsent(store, body, withPreferences, now());
      const answer: Record<string, unknown> = { contact: contactJson(contact), consentFields: consentEcho(contact, recordsAdded) };
      if (withPreferences) answer.preferences = preferenceTreeFor(store, contact);
      return c.json(answer, 201);
    });
  }
  app.notFound((c) => c.json({ message: 'No HTTP resource was found that matches the request URI. ERROR_RESOURCE_NOT_FOUND' }, 404));
  app.onError((error, c) => {
    if (error instanceof MockApiError) return c.json({ message: error.message }, error.status as 400);
    return c.json({ message: 'An error has occurred. ERROR_UNKNOWN' }, 500);
  });

  return { fetch: async (request) => app.fetch(request), store };
}

function withContact(c: Context, store: MockStore, render: (contact: NonNullable<ReturnType<typeof findContact>>) => unknown) {
  const contact = findContact(store, decodeURIComponent(c.req.param('idOrEmail') ?? ''));
  if (!contact) return c.json({ message: 'Error: ERROR_CONTACT_NOT_FOUND' }, 404);
  return c.json(render(contact) as object);
}
