import type { MockContact } from '../../src/mock/index.js';
import { consentFor, post, proxyWithMock, SITE, storedContact } from '../support/proxy-fixture.js';

export const VISITOR_IP = '203.0.113.7';
export const VISITOR_UA = 'Mozilla/5.0 (Returning)';
export const PAGE_URL = `${SITE}/newsletter?from=footer`;

/** A proxy on the mock whose account knows `email` as `status` (subscribed first, with `optedIn`, then unsubscribed or marked). */
export function proxyKnowing(email: string, status: MockContact['status'], options: Parameters<typeof proxyWithMock>[0] = {}, optedIn: number[] = [3]) {
  const proxy = proxyWithMock(options);
  proxy.mock.store.contacts.set(email, storedContact(email, optedIn, { dataFields: new Map([['FIRSTNAME', 'Annie']]) }));
  if (status === 'Unsubscribed') proxy.mock.unsubscribe(email);
  else if (status !== 'Subscribed') proxy.mock.setStatus(email, status);
  return proxy;
}

/** A visitor's signup from the page at PAGE_URL, with their IP and browser. */
export async function signUpAgain(handler: ReturnType<typeof proxyWithMock>['handler'], email: string, preferences: number[] = [2], fields: Record<string, string> = {}) {
  const consent = { ...(await consentFor(handler)), pageUrl: PAGE_URL };
  return handler(post({ email, preferences, fields, consent }, { 'user-agent': VISITOR_UA }), { clientAddress: VISITOR_IP });
}

/** Everything a visitor (or a stranger) can see of an answer: status, every header, body. */
export async function seen(response: Response) {
  return { status: response.status, headers: [...response.headers].sort(), body: await response.text() };
}

/** The upstream calls of the resubscribe flow (`METHOD path`). */
export const v3Calls = (proxy: ReturnType<typeof proxyWithMock>) =>
  proxy.writes().filter((r) => r.url.includes('/contacts/v3/')).map((r) => `${r.method} ${new URL(r.url).pathname}`);
