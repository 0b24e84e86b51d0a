import type { ContactWrite } from '../dotdigital/build-contact-body.js';
import { notOffered, type DefinitionSnapshot } from '../definition/definition-snapshot.js';
import { fromQueuedContact, type QueuedSignup } from './signup-queue.js';

// Enough ids to find the mistake in a log line; a body may carry up to 500.
const MAX_LOGGED_IDS = 20;

/** A queued entry ready to send, or the ticked ids the form does not offer (then it is dropped). */
export type QueuedWrite = { ok: true; write: ContactWrite } | { ok: false; notOffered: number[] };

/**
 * The {@link ContactWrite} a queued entry sends, given the form definition at delivery. An
 * entry accepted before the proxy ever had the definition (`needsDefinitionCheck`) gets the
 * check a live signup gets on arrival: every ticked id must be one the form offers (public,
 * and in `preferences` when that is set). Its form is taken to have shown everything it
 * offers now, so an offered preference left unticked is opted out, and one the form does not
 * show keeps the contact's value. Any other entry keeps what was shown when it was captured.
 *
 * @example
 * const ready = queuedWrite(entry, await engine.definition.get());
 * if (ready.ok) await submitSignup(deps, ready.write, snapshot, deadline);
 */
export function queuedWrite(entry: QueuedSignup, snapshot: DefinitionSnapshot): QueuedWrite {
  const write = fromQueuedContact(entry.contact);
  if (entry.needsDefinitionCheck !== true) return { ok: true, write };
  const refused = notOffered(write.ticked, snapshot);
  if (refused.length > 0) return { ok: false, notOffered: refused.slice(0, MAX_LOGGED_IDS) };
  return { ok: true, write: { ...write, shown: new Set(snapshot.offered) } };
}
