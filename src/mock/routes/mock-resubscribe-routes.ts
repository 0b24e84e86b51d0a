import type { Context, Hono } from 'hono';
import { cannotComeBack } from '../account/mock-contact-status.js';
import { findContact, newContact, type MockStore } from '../account/mock-store.js';
import { resubscribe, type ResubscribeContext } from '../rules/mock-resubscribe.js';
import { pick, pickString } from '../wire/loose-json.js';
import { MockApiError } from '../wire/mock-api-error.js';
import { readContactInput } from '../wire/mock-contact-input.js';
import { readPreferredLocale } from '../wire/mock-preferred-locale.js';
import { contactJson } from '../wire/mock-json.js';

/** What the resubscribe routes need from the mock around them. */
export interface ResubscribeRouteContext {
  store: MockStore;
  /** The account settings for a resubscribe arriving on this request. */
  resubscribeContext: (c: Context) => ResubscribeContext;
  readJson: (c: Context) => Promise<unknown>;
}

/**
 * Registers v2's ways back in for a contact who unsubscribed: `POST /v2/contacts/resubscribe`,
 * `…/resubscribe-with-no-challenge`, and the same two under `/v2/address-books/{id}/contacts/`.
 * Body `{"unsubscribedContact":{"email","dataFields"},"preferredLocale","returnUrlToUseIfChallenged"}`;
 * answer `200 {"contact":{…},"status":"ContactAdded"|"ContactChallenged"|"ContactCannotBeUnsuppressed"}`.
 */
export function registerResubscribeRoutes(app: Hono, ctx: ResubscribeRouteContext): void {
  const { store } = ctx;
  for (const book of [false, true]) {
    for (const challenge of [true, false]) {
      const path = `${book ? '/v2/address-books/:id/contacts' : '/v2/contacts'}/resubscribe${challenge ? '' : '-with-no-challenge'}`;
      app.post(path, async (c) => {
        const addressBookId = book ? Number(c.req.param('id')) : undefined;
        if (book && !store.addressBooks.some((candidate) => candidate.id === addressBookId)) throw new MockApiError(404, 'Error: ERROR_ADDRESSBOOK_NOT_FOUND');
        const body = await ctx.readJson(c);
        const input = readContactInput(store, pick(body, 'unsubscribedContact'));
        const contact = findContact(store, input.email) ?? Object.assign(newContact(store, input.email), { status: 'Unsubscribed' as const });
        // A contact who cannot come back is left exactly as it was, data included.
        if (!cannotComeBack(contact)) for (const [key, value] of input.dataFields) contact.dataFields.set(key, value);
        const returnUrl = pickString(body, 'returnUrlToUseIfChallenged');
        const locale = readPreferredLocale(pick(body, 'preferredLocale'));
        if (locale === false) throw new MockApiError(400, 'preferredLocale is not a locale Dotdigital supports. ERROR_PARAMETER_INVALID');
        const status = resubscribe(ctx.resubscribeContext(c), contact, {
          challenge,
          ...(returnUrl ? { returnUrl } : {}),
          ...(locale ? { locale } : {}),
          ...(addressBookId !== undefined ? { addressBookId } : {}),
        });
        return c.json({ contact: contactJson(store, contact), status });
      });
    }
  }
}
