import type { Hono } from 'hono';
import type { MockDotdigitalOptions } from './mock-options.js';
import { findContact, type MockStore } from './mock-store.js';
import { confirmSubscription, unsubscribeContact } from './mock-subscription.js';
import { escapeHtml, htmlPage, renderMockHome } from './render-mock-home.js';

/** What the human routes need from the mock around them. */
export interface HumanRouteContext {
  store: MockStore;
  now: () => Date;
  options: MockDotdigitalOptions;
  /** The outage a person can switch on from the page: every API call answers 503. */
  outage: { readonly active: boolean; set(on: boolean): void };
}

/**
 * The routes that are not Dotdigital's API but stand in for the world around it: the page
 * at `/`, the confirmation link a contact clicks, an unsubscribe button, and the outbox as
 * JSON for browser tests, and a switch that plays an outage (to watch a proxy queue signups).
 * None needs credentials, as a contact's inbox needs none.
 */
export function registerHumanRoutes(app: Hono, ctx: HumanRouteContext): void {
  const { store } = ctx;
  app.get('/', (c) => c.html(renderMockHome(store, ctx.options, ctx.outage.active)));
  app.get('/_mock/confirm/:emailId', (c) => {
    const contact = confirmSubscription(store, c.req.param('emailId'), ctx.now());
    if (!contact) return c.html(htmlPage('Link not recognised', '<p>This confirmation link was not sent by this mock (it forgets everything when it restarts).</p>'), 404);
    const done = contact.status === 'Subscribed';
    const message = done
      ? `<p><strong>${escapeHtml(contact.email)}</strong> is now subscribed (opt-in type ${escapeHtml(contact.optInType)}).</p>`
      : `<p><strong>${escapeHtml(contact.email)}</strong> could not be confirmed: the contact is ${escapeHtml(contact.status)}.</p>`;
    return c.html(htmlPage(done ? 'Subscription confirmed' : 'Not confirmed', `${message}<p><a href="/">Back to the mock's page</a></p>`));
  });
  app.post('/_mock/contacts/:id/unsubscribe', (c) => {
    const contact = findContact(store, c.req.param('id'));
    if (contact) unsubscribeContact(store, contact.email);
    return c.redirect('/', 303);
  });
  app.get('/_mock/outbox', (c) => c.json(store.outbox));
  app.post('/_mock/outage', async (c) => {
    const form = await c.req.parseBody();
    ctx.outage.set(form.state === 'on');
    return c.redirect('/', 303);
  });
}
