import type { ContactWrite } from './build-contact-body.js';
import { buildV3ContactBody } from './build-v3-contact-body.js';
import type { V3Contact } from './dotdigital-types.js';

export type { V3Contact } from './dotdigital-types.js';

/**
 * One signup as a contact of a v3 bulk import: {@link buildV3ContactBody} (shown preferences
 * only, `resubscribeOptions`, the address book as `lists`) with its match identifier — or
 * `undefined` when v3 cannot carry its consent record: v3 wants all five consent fields, and a
 * signup whose IP address (or user agent) was unknown has none to give, so it goes through the
 * v2 single call, which records what it has.
 *
 * @example
 * const contact = buildV3Contact(write, 101);
 * if (contact) await client.startImport([contact]);
 */
export function buildV3Contact(write: ContactWrite, addressBookId?: number): V3Contact | undefined {
  const body = buildV3ContactBody(write, addressBookId);
  return body.consentRecords ? { matchIdentifier: 'email', ...body, consentRecords: body.consentRecords } : undefined;
}
