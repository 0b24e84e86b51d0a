import { DotdigitalApiError } from './dotdigital-api-error.js';
import type { ContactWriteResult, DotdigitalContact, HeldContact } from './dotdigital-types.js';
import { maskUrl } from '../shared/mask-url.js';

/** An explicit `apiUrl` without its trailing slash; a `TypeError` saying what to use when it is not a base URL. */
export function checkedApiUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  // Only scheme, host and port: credentials go in apiUser/apiPassword (fetch refuses a URL holding
  // them), and a query or fragment would swallow the paths appended to the base.
  if (!/^https?:\/\/[^/\s?#@]+$/i.test(trimmed)) {
    const shown = maskUrl(value); // never print a password written into the URL, whatever its shape
    throw new TypeError(`createDotdigitalClient: apiUrl "${shown}" is not an API base URL — use your region's host, e.g. https://r1-api.dotdigital.com (no path, no credentials), or leave it unset to discover it.`);
  }
  return trimmed;
}

/** The body of a list call, or `unavailable` when a 2xx answer is not a list (a captive portal, a gateway page). */
export function asArray<T>(answer: { status: number; body: unknown }, label: string): T[] {
  if (Array.isArray(answer.body)) return answer.body as T[];
  throw new DotdigitalApiError(answer.status, undefined, `Dotdigital ${label} answered ${answer.status} without the expected list; try again later.`, undefined, { kind: 'unavailable' });
}

/**
 * The result of a contact write. A 2xx write can still leave the contact unsubscribed or
 * suppressed (dotdigital-api.md, Errors): that is reported as `kind: 'suppressed'`.
 */
export function writeResult(answer: { status: number; body: unknown }, label: string): ContactWriteResult {
  const contact = (answer.body as { contact?: Partial<DotdigitalContact> } | undefined)?.contact;
  const status = contact?.status;
  if (status === 'Subscribed' || status === 'PendingOptIn') return { id: contact?.id ?? 0, status, optInType: contact?.optInType ?? 'Unknown' };
  if (typeof status !== 'string') {
    throw new DotdigitalApiError(answer.status, undefined, `Dotdigital ${label} answered ${answer.status} without a contact status; try again later.`, undefined, { kind: 'unavailable' });
  }
  throw new DotdigitalApiError(answer.status, undefined, `Dotdigital ${label} accepted the write but the contact is ${status}: it will receive no email.`, undefined, { kind: 'suppressed', contactStatus: status });
}

/**
 * The email status of a v3 contact answer (`channelProperties.email.status`, else `status`); `unavailable` when it has none.
 *
 * @example
 * v3Status(await call({ method: 'GET', path: '/contacts/v3/email/ann%40example.com', label }), label); // 'unsubscribed'
 */
export function v3Status(answer: { status: number; body: unknown }, label: string): string {
  const body = answer.body as { status?: unknown; channelProperties?: { email?: { status?: unknown } } } | undefined;
  const status = body?.channelProperties?.email?.status ?? body?.status;
  if (typeof status === 'string') return status;
  throw new DotdigitalApiError(answer.status, undefined, `Dotdigital ${label} answered ${answer.status} without a contact status; try again later.`, undefined, { kind: 'unavailable' });
}

/**
 * A v3 contact answer as the {@link HeldContact} a signup plans from: its email status (as
 * {@link v3Status}), data fields, the preferences it is opted into and its lists.
 *
 * @example
 * heldContact(await call({ method: 'GET', path: '/contacts/v3/email/ann%40example.com', label }), label).optedIn; // Set { 2 }
 */
export function heldContact(answer: { status: number; body: unknown }, label: string): HeldContact {
  const body = answer.body as { dataFields?: unknown; preferences?: unknown; lists?: unknown } | undefined;
  const preferences = Array.isArray(body?.preferences) ? (body.preferences as Array<{ id?: unknown; isOptedIn?: unknown }>) : undefined;
  const fields = body?.dataFields && typeof body.dataFields === 'object' ? (body.dataFields as Record<string, unknown>) : {};
  return {
    status: v3Status(answer, label),
    dataFields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name.toUpperCase(), value])),
    optedIn: preferences && new Set(preferences.filter((p) => p?.isOptedIn === true && typeof p.id === 'number').map((p) => p.id as number)),
    lists: Array.isArray(body?.lists) ? (body.lists as Array<{ id?: unknown }>).flatMap((list) => (typeof list?.id === 'number' ? [list.id] : [])) : [],
  };
}
