import type { Context, Hono } from 'hono';
import type { MockContact } from '../account/mock-contact.js';
import { findContact, type MockStore } from '../account/mock-store.js';
import { writeContact, type WriteContext } from '../rules/mock-contact-write.js';
import { unsubscribeContact } from '../rules/mock-subscription.js';
import { pick, pickArray, pickString } from '../wire/loose-json.js';
import { MockApiError } from '../wire/mock-api-error.js';
import { readConsentRecords, readContactInput } from '../wire/mock-contact-input.js';
import { apiTime, consentEcho, contactJson, preferenceTreeFor, storedConsent } from '../wire/mock-json.js';
import { readPreferenceChoices } from '../wire/mock-preferences.js';

/** What the API routes need from the mock around them. */
export interface ApiRouteContext {
  store: MockStore;
  now: () => Date;
  /** The account settings for a write arriving on this request. */
  writeContext: (c: Context) => WriteContext;
  /** `ApiEndpoint` for account-info, without the trailing slash. */
  apiEndpoint: (c: Context) => string;
}

/** Registers the Dotdigital v2 calls the mock answers (auth, region and limits run before them). */
export function registerApiRoutes(app: Hono, ctx: ApiRouteContext): void {
  const { store } = ctx;
  app.get('/v2/account-info', (c) =>
    c.json({
      id: 1,
      properties: [
        { name: 'Name', type: 'String', value: 'Demo account' },
        { name: 'MainEmail', type: 'String', value: 'owner@example.com' },
        { name: 'ApiEndpoint', type: 'String', value: `${ctx.apiEndpoint(c)}/` },
      ],
    }),
  );
  app.get('/v2/preferences', (c) => c.json(store.preferences));
  app.get('/v2/data-fields', (c) => c.json(store.dataFields));
  app.get('/v2/address-books', (c) =>
    c.json(store.addressBooks.map((book) => ({ ...book, contacts: [...store.contacts.values()].filter((x) => x.addressBooks.has(book.id)).length }))),
  );
  app.get('/v2/contacts/:idOrEmail', (c) => c.json(contactJson(store, found(c, store))));
  app.get('/v2/contacts/:idOrEmail/with-consent', (c) => {
    const contact = found(c, store);
    return c.json({ contact: contactJson(store, contact), consentFields: storedConsent(contact.consentRecords) });
  });
  app.get('/v2/contacts/:idOrEmail/preferences', (c) => c.json(preferenceTreeFor(store, found(c, store))));
  // Unlike the create call, PUT changes only the preferences it names.
  app.put('/v2/contacts/:idOrEmail/preferences', async (c) => {
    const contact = found(c, store);
    const body = await readJson(c);
    if (!Array.isArray(body)) throw new MockApiError(400, 'The request is invalid. ERROR_INVALID_REQUEST');
    for (const [id, optedIn] of readPreferenceChoices(store, body)) {
      if (optedIn) contact.optedIn.add(id);
      else contact.optedIn.delete(id);
    }
    return c.json(preferenceTreeFor(store, contact));
  });
  for (const withPreferences of [true, false]) {
    app.post(withPreferences ? '/v2/contacts/with-consent-and-preferences' : '/v2/contacts/with-consent', async (c) => {
      const body = await readJson(c);
      const input = readContactInput(store, pick(body, 'contact'));
      const preferences = withPreferences ? readPreferenceChoices(store, pickArray(body, 'preferences')) : undefined;
      const consentRecords = readConsentRecords(body);
      const { contact, added } = writeContact(ctx.writeContext(c), input, { consentRecords, ...(preferences ? { preferences } : {}) });
      const answer: Record<string, unknown> = { contact: contactJson(store, contact), consentFields: consentEcho(added) };
      if (withPreferences) answer.preferences = preferenceTreeFor(store, contact);
      return c.json(answer, 201);
    });
  }
  app.post('/v2/address-books/:id/contacts', async (c) => {
    const addressBookId = Number(c.req.param('id'));
    if (!store.addressBooks.some((book) => book.id === addressBookId)) throw new MockApiError(404, 'Error: ERROR_ADDRESSBOOK_NOT_FOUND');
    const input = readContactInput(store, await readJson(c));
    const { contact } = writeContact(ctx.writeContext(c), input, { addressBookId, remind: false });
    return c.json(contactJson(store, contact));
  });
  app.post('/v2/contacts/unsubscribe', async (c) => {
    const email = pickString(await readJson(c), 'email')?.trim() ?? '';
    if (!email.includes('@')) throw new MockApiError(400, 'Email is not a valid email address. ERROR_PARAMETER_INVALID');
    const contact = unsubscribeContact(store, email);
    return c.json({ suppressedContact: contactJson(store, contact), dateRemoved: apiTime(ctx.now()), reason: 'Unsubscribed' });
  });
}

function found(c: Context, store: MockStore): MockContact {
  const contact = findContact(store, c.req.param('idOrEmail') ?? '');
  if (!contact) throw new MockApiError(404, 'Error: ERROR_CONTACT_NOT_FOUND');
  return contact;
}

/** The request's JSON body, or the v2 refusal for one that is not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new MockApiError(400, 'The request is invalid. ERROR_INVALID_REQUEST');
  }
}
