import { createServer, type RequestListener, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { createSignupHandler } from '../../src/server/index.js';
import { listenSignup, toNodeListener } from '../../src/server/node/index.js';
import type { Challenge } from 'altcha-lib';
import { createApp, createAppWithBodyDrained, createAppWithParsersFirst } from './adapters/express-app.js';
import { solveChallengeProof } from '../support/solve-proof.js';

// Every adapter README shows, driven over real HTTP against the mock over real HTTP.
const SITE = 'https://www.example.com';
let mock: Awaited<ReturnType<typeof listenMock>>;
const servers: Server[] = [];

beforeAll(async () => {
  mock = await listenMock();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)))));
  await mock.close();
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** Loads the form, signs up, and reads the consent record back from the mock. */
async function signUp(endpoint: string, email: string, headers: Record<string, string> = {}) {
  const definition = await fetch(endpoint, { headers: { origin: SITE } });
  expect(definition.status).toBe(200);
  expect(definition.headers.get('access-control-allow-origin')).toBe(SITE);
  const { consent } = (await definition.json()) as { consent: { text: string; version: string } };
  const preflight = await fetch(endpoint, { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST' } });
  expect(preflight.status).toBe(204);
  // The proof of work is on by default: its challenge comes from the same handler, on every adapter.
  const challenge = await fetch(`${endpoint}?challenge`, { headers: { origin: SITE } });
  expect(challenge.status).toBe(200);
  expect(challenge.headers.get('cache-control')).toBe('no-store');
  expect(challenge.headers.get('access-control-allow-origin')).toBe(SITE);
  const proof = await solveChallengeProof((await challenge.json()) as Challenge);
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SITE, 'user-agent': 'AdapterTest/1', ...headers },
    body: JSON.stringify({ email, preferences: [2], consent: { ...consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` }, proof }),
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const contact = mock.mock.store.contacts.get(email)!;
  expect(contact.status).toBe('Subscribed');
  return contact.consentRecords.at(-1)!.fields;
}

const options = () => ({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: mock.url, consentText: 'Yes please, adapters.', allowedOrigins: [SITE] });

describe('adapters', () => {
  it('Node: toNodeListener records the socket address', async () => {
    const base = await serve(toNodeListener(createSignupHandler(options())));
    const fields = await signUp(`${base}/any/path`, 'node@example.com');
    expect(fields.IPADDRESS).toBe('127.0.0.1');
    expect(fields.USERAGENT).toBe('AdapterTest/1');
  });

  it('Node: listenSignup serves and closes', async () => {
    const { url, close } = await listenSignup(options(), { host: '127.0.0.1' });
    await signUp(url, 'listen@example.com');
    await close();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('Express: one route, before the body parser, leaves the rest of the app alone', async () => {
    const base = await serve(createApp(options()));
    const fields = await signUp(`${base}/api/signup`, 'express@example.com');
    expect(fields.IPADDRESS).toBe('127.0.0.1');
    const other = await fetch(`${base}/api/other`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await other.json()).toEqual({ got: { a: 1 } });
  });

  it('Express: express.json() and express.urlencoded() before the route, the usual layout, still sign up', async () => {
    const base = await serve(createAppWithParsersFirst(createSignupHandler({ ...options(), rateLimit: false })));
    const fields = await signUp(`${base}/api/signup`, 'express-parsed@example.com');
    expect(fields.IPADDRESS).toBe('127.0.0.1');
    // A browser's own form post (no JavaScript), read by express.urlencoded() first: 303 back to the page.
    const { consent } = (await (await fetch(`${base}/api/signup`)).json()) as { consent: { text: string; version: string } };
    const form = new URLSearchParams({ email: 'express-form@example.com', 'consent.text': consent.text, 'consent.version': consent.version, 'consent.pageUrl': `${SITE}/news` });
    form.append('preferences', '2');
    form.append('preferences', '5');
    // (undici's request, not fetch: fetch sends Sec-Fetch-Mode: cors whatever it is told, as a script's post would.)
    const posted = await request(`${base}/api/signup`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE, 'sec-fetch-mode': 'navigate' }, body: form.toString() });
    await posted.body.dump();
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(`${SITE}/news?dotdigital-signup=subscribed`);
    expect([...mock.mock.store.contacts.get('express-form@example.com')!.optedIn].sort()).toEqual([2, 5]);
    // A visitor's Try again works too: the second post is read like the first.
    const bad = await fetch(`${base}/api/signup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: JSON.stringify({ email: 'nope', consent }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_email');
  });

  it('Express: a body drained by other middleware is refused with the fix, never "Body is unusable"', async () => {
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
    const base = await serve(createAppWithBodyDrained(options()));
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${base}/api/signup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: '{"email":"a@example.com"}' });
      expect(response.status).toBe(500);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('internal_error');
      expect(error.message).toMatch(/already read by middleware before the signup route.*mount the signup route before body parsers/);
    }
    expect(errors).toEqual([expect.stringMatching(/^\[dotdigital-signup\] The signup's request body was already read/)]);
    spy.mockRestore();
  });

  it('Express: the drained-body refusal goes through the handler\'s logger, and `logger: false` silences it', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const lines: string[] = [];
    const logger = { info: () => undefined, warn: () => undefined, error: (message: string) => void lines.push(message) };
    const post = (base: string) => fetch(`${base}/api/signup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body: '{"email":"a@example.com"}' });
    const silent = await serve(createAppWithBodyDrained({ ...options(), logger: false }));
    expect((await post(silent)).status).toBe(500);
    const logged = await serve(createAppWithBodyDrained({ ...options(), logger }));
    expect((await post(logged)).status).toBe(500);
    expect(spy).not.toHaveBeenCalled();
    expect(lines).toEqual([expect.stringMatching(/^The signup's request body was already read/)]);
    spy.mockRestore();
  });

  it('Next.js route handlers: the route module, called as the app router calls it', async () => {
    Object.assign(process.env, { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url });
    const route = (await import('./adapters/next-route.js')) as unknown as Record<string, (request: Request, context: { params: Promise<object> }) => Promise<Response>>;
    expect(Object.keys(route).sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST', 'dynamic']);
    // Next builds a Request per HTTP request and calls the export named by its method with `{ params }`.
    const base = await serve(getRequestListener((request) => route[request.method]!(request, { params: Promise.resolve({}) })));
    const fields = await signUp(`${base}/api/signup`, 'next@example.com', { 'x-forwarded-for': '192.0.2.66, 203.0.113.9' });
    expect(fields.IPADDRESS).toBe('203.0.113.9');
    for (const name of ['DOTDIGITAL_API_USER', 'DOTDIGITAL_API_PASSWORD', 'DOTDIGITAL_API_URL']) delete process.env[name];
  });

  it('Messages and languages: the multilingual route answers each language and records the statement the visitor read', async () => {
    Object.assign(process.env, { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url });
    const route = (await import('./adapters/multilingual-route.js')) as unknown as Record<string, (request: Request) => Promise<Response>>;
    for (const name of ['DOTDIGITAL_API_USER', 'DOTDIGITAL_API_PASSWORD', 'DOTDIGITAL_API_URL']) delete process.env[name];
    const base = await serve(getRequestListener((request) => route[request.method]!(request)));
    const austrian = (await (await fetch(`${base}/api/signup?locale=de-AT`, { headers: { origin: SITE } })).json()) as { locale: string; consent: { text: string; version: string }; preferences: Array<{ label: string }>; fields: Array<{ label: string }> };
    expect(austrian).toMatchObject({ locale: 'de', consent: { text: expect.stringMatching(/^Ja, senden Sie mir/) }, preferences: [{ label: 'Newsletter' }, { label: 'Veranstaltungen in Ihrer Nähe' }], fields: [{ label: 'Vorname' }] });
    // The proof of work is on by default here too: the route's own challenge, solved.
    const proof = await solveChallengeProof((await (await fetch(`${base}/api/signup?challenge`, { headers: { origin: SITE } })).json()) as Challenge);
    const posted = await fetch(`${base}/api/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE },
      body: JSON.stringify({ email: 'mehrsprachig@example.com', preferences: [2], fields: { FIRSTNAME: 'Anna' }, consent: { ...austrian.consent, locale: 'de-AT', consentedAt: new Date().toISOString(), pageUrl: `${SITE}/at/` }, proof }),
    });
    expect(posted.status).toBe(201);
    expect(mock.mock.store.contacts.get('mehrsprachig@example.com')!.consentRecords.map((record) => record.fields.TEXT)).toEqual([austrian.consent.text]);
  });

  it('Workers-style fetch export: secrets from env, IP from the platform header', async () => {
    const worker = (await import('./adapters/worker.js')).default;
    const env = { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url };
    const base = await serve(getRequestListener((request) => worker.fetch(request, env)));
    const fields = await signUp(base, 'worker@example.com', { 'cf-connecting-ip': '2001:db8::9', 'x-forwarded-for': '192.0.2.66' });
    expect(fields.IPADDRESS).toBe('2001:db8::9');
  });
});
