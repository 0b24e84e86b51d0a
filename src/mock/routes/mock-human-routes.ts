import type { Hono } from 'hono';
import type { MockContactStatus } from '../account/mock-contact.js';
import type { MockDotdigitalOptions } from '../account/mock-options.js';
import { findContact, newContact, type MockStore } from '../account/mock-store.js';
import { escapeHtml, htmlPage, renderMockHome } from '../pages/render-mock-home.js';
import type { createFaultQueue } from '../rules/mock-faults.js';
import { confirmSubscription, unsubscribeContact } from '../rules/mock-subscription.js';

/** What the human routes need from the mock around them. */
export interface HumanRouteContext {
  store: MockStore;
  now: () => Date;
  options: MockDotdigitalOptions;
  /** The outage a person can switch on from the page: every API call answers 503. */
  outage: { readonly active: boolean; set(on: boolean): void };
  /** Import faults armed from the page. */
  faults: ReturnType<typeof createFaultQueue>;
  /** Applies imports whose processing time is over, so the page shows them done. */
  settle: () => void;
}

// The statuses a person can give an address from the page, as the account's life would.
const SEEDABLE: MockContactStatus[] = ['Unsubscribed', 'Suppressed', 'HardBounced', 'IspComplained'];

/**
 * The routes that are not Dotdigital's API but stand in for the world around it: the page
 * at `/`, the confirmation link a contact clicks (a resubscribe link then redirects to the
 * `returnUrlToUseIfChallenged` it was sent with), an unsubscribe button, a form that gives an
 * address a status (hard bounce, complaint, suppression list), buttons arming import faults,
 * and a switch that plays an outage (the JSON for tests is mock-json-routes.ts). None needs
 * credentials, as a contact's inbox needs none.
 */
export function registerHumanRoutes(app: Hono, ctx: HumanRouteContext): void {
  const { store } = ctx;
  app.get('/', (c) => {
    ctx.settle();
    return c.html(renderMockHome(store, ctx.options, ctx.outage.active, ctx.faults.pending()));
  });
  app.get('/_mock/confirm/:emailId', (c) => {
    const confirmed = confirmSubscription(store, c.req.param('emailId'), ctx.now());
    const contact = confirmed?.contact;
    if (!confirmed || !contact) return c.html(htmlPage('Link not recognised', '<p>This confirmation link was not sent by this mock (it forgets everything when it restarts).</p>'), 404);
    const done = contact.status === 'Subscribed';
    if (done && confirmed.email.returnUrl) return c.redirect(confirmed.email.returnUrl, 303);
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
  app.post('/_mock/contacts', async (c) => {
    const form = await c.req.parseBody();
    const email = String(form.email ?? '').trim();
    const status = SEEDABLE.find((candidate) => candidate === form.status);
    if (!email.includes('@') || !status) return c.text(`Give an email and a status (${SEEDABLE.join(', ')}).`, 400);
    const contact = findContact(store, email) ?? newContact(store, email);
    contact.status = status;
    contact.resubscribing = false;
    return c.redirect('/', 303);
  });
  app.post('/_mock/faults', async (c) => {
    const form = await c.req.parseBody();
    if (form.fault === 'RejectedByWatchdog') ctx.faults.add({ importStatus: 'RejectedByWatchdog' });
    else if (form.fault === 'consentRecordsNotApplied') ctx.faults.add({ contactFailure: 'consentRecordsNotApplied' });
    else return c.text('fault must be RejectedByWatchdog or consentRecordsNotApplied.', 400);
    return c.redirect('/', 303);
  });
  app.post('/_mock/outage', async (c) => {
    const form = await c.req.parseBody();
    ctx.outage.set(form.state === 'on');
    return c.redirect('/', 303);
  });
}
