import type { Hono } from 'hono';
import { findContact, type MockStore } from '../account/mock-store.js';
import { contactView } from '../wire/mock-contact-view.js';

/**
 * What the mock holds, as JSON, for tests that cannot read `mock.store` (another process, another
 * language): `GET /_mock/contacts` (every contact), `GET /_mock/contacts/{email}` (one, or `404`
 * `{"error":"not_found","message"}`), `GET /_mock/outbox` (the emails it sent, oldest first;
 * `?to=` keeps one address's). No credentials, as the page at `/` needs none.
 */
export function registerJsonRoutes(app: Hono, ctx: { store: MockStore; settle: () => void }): void {
  const { store } = ctx;
  app.get('/_mock/contacts', (c) => {
    ctx.settle();
    return c.json([...store.contacts.values()].map((contact) => contactView(store, contact)));
  });
  app.get('/_mock/contacts/:email', (c) => {
    ctx.settle();
    const email = c.req.param('email');
    const contact = email.includes('@') ? findContact(store, email) : undefined;
    if (!contact) return c.json({ error: 'not_found', message: `The mock holds no contact ${email}: nothing was written for that address since it started (it keeps everything in memory).` }, 404);
    return c.json(contactView(store, contact));
  });
  app.get('/_mock/outbox', (c) => {
    const to = c.req.query('to')?.trim().toLowerCase();
    return c.json(to ? store.outbox.filter((email) => email.to.toLowerCase() === to) : store.outbox);
  });
}
