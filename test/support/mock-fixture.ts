import { createMockDotdigital, DEMO_API_PASSWORD, DEMO_API_USER, type MockDotdigitalOptions } from '../../src/mock/index.js';

export const AUTH = `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}`;
export const BASE = 'http://127.0.0.1:4999';

/** A fresh mock plus `api(method, path, body?)` that calls it with the demo credentials. */
export function mockWith(options: MockDotdigitalOptions = {}) {
  const mock = createMockDotdigital(options);
  const api = (method: string, path: string, body?: unknown, base = BASE) =>
    mock.fetch(
      new Request(`${base}${path}`, {
        method,
        headers: { authorization: AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
  return { mock, api };
}

/** A response's status, headers and JSON body, for one-line assertions. */
export async function read<T = Record<string, any>>(response: Response | Promise<Response>): Promise<{ status: number; body: T; headers: Headers }> {
  const answer = await response;
  const text = await answer.text();
  return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as T, headers: answer.headers };
}

/** The status and message of a Dotdigital error body, and the `ERROR_…` token in it. */
export async function refusal(response: Response | Promise<Response>): Promise<{ status: number; message: string; token: string | undefined }> {
  const { status, body } = await read<{ message: string }>(response);
  return { status, message: body.message, token: /ERROR_[A-Z_]+/.exec(body.message)?.[0] };
}

/** A minimal valid with-consent-and-preferences body for `email`. */
export function signup(email: string, extra: { optInType?: string; preferences?: unknown[]; dataFields?: unknown[] } = {}) {
  return {
    contact: { email, optInType: extra.optInType ?? 'Single', emailType: 'Html', dataFields: extra.dataFields ?? [] },
    consentFields: [{ fields: [{ key: 'TEXT', value: 'Yes please.' }, { key: 'URL', value: 'https://www.example.com/' }] }],
    preferences: extra.preferences ?? [{ id: 5, isPreference: true, isOptedIn: true }],
  };
}

/** A clock tests move by hand: pass `now` to the mock, then `advance(ms)`. */
export function clock(start = Date.parse('2026-11-26T03:00:00.000Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), ms: () => now };
}

/** A complete v3 consent record (all five fields). */
export const CONSENT_V3 = {
  text: 'Yes, send me the newsletter.', dateTimeConsented: '2026-11-26T03:30:00Z',
  url: 'https://www.example.com/signup', ipAddress: '203.0.113.7', userAgent: 'Mozilla/5.0',
};

/** One v3 import entry (or PATCH body) for `email`, with a consent record; `extra` is merged over it. */
export function v3Contact(email: string, extra: Record<string, unknown> = {}) {
  return {
    matchIdentifier: 'email', identifiers: { email },
    channelProperties: { email: { status: 'subscribed', emailType: 'html', optInType: 'single' } },
    consentRecords: [CONSENT_V3],
    ...extra,
  };
}
