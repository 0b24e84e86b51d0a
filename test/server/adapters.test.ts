import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';
import { createSignupHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node/index.js';

// Each adapter is served on a real port and driven with real HTTP requests, against the mock
// Dotdigital on its own port: the whole path a deployment takes.
let mock: Awaited<ReturnType<typeof listenMock>>;
const servers: Server[] = [];
const env = () => ({ DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url });

beforeAll(async () => {
  mock = await listenMock({ port: 0 });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await mock.close();
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** GET the definition, POST a signup, read the consent record back from the mock. */
async function signUp(url: string, email: string, headers: Record<string, string> = {}) {
  const definition = await fetch(url, { headers: { origin: 'https://www.example.com' } });
  expect(definition.status).toBe(200);
  expect(definition.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
  const { consent } = (await definition.json()) as { consent: { text: string; version: string } };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://www.example.com', 'user-agent': 'AdapterTest/1', ...headers },
    body: JSON.stringify({ email, preferences: [2], consent: { ...consent, consentedAt: new Date().toISOString(), pageUrl: 'https://www.example.com/' } }),
  });
  const contact = mock.mock.store.contacts.get(email);
  return { response, record: contact?.consentRecords.at(-1)?.fields };
}

describe('adapters, driven over HTTP', () => {
  it('Node: toNodeListener records the socket address', async () => {
    const handler = createSignupHandler({ apiUser: DEMO_API_USER, apiPassword: DEMO_API_PASSWORD, apiUrl: mock.url, consentText: 'Node consent.', allowedOrigins: ['https://www.example.com'] });
    const url = await serve(toNodeListener(handler));
    const { response, record } = await signUp(url, 'node@example.com');
    expect(response.status).toBe(201);
    expect(record).toMatchObject({ TEXT: 'Node consent.', IPADDRESS: '127.0.0.1', USERAGENT: 'AdapterTest/1' });
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://www.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
  });

  it('Next.js route handlers: one export per method, the address from x-forwarded-for', async () => {
    Object.assign(process.env, env());
    const route = (await import('./adapters/next-route.js')) as Record<string, (request: Request) => Promise<Response>>;
    const url = await serve(getRequestListener((request) => route[request.method]?.(request) ?? new Response(null, { status: 405 })));
    const { response, record } = await signUp(url, 'next@example.com', { 'x-forwarded-for': '203.0.113.44' });
    expect(response.status).toBe(201);
    expect(record).toMatchObject({ IPADDRESS: '203.0.113.44' });
  });

  it('Workers-style fetch export: the handler built from env bindings, the address from cf-connecting-ip', async () => {
    const worker = (await import('./adapters/worker.js')).default;
    const url = await serve(getRequestListener((request) => worker.fetch(request, env())));
    const { response, record } = await signUp(url, 'worker@example.com', { 'cf-connecting-ip': '2001:db8::44' });
    expect(response.status).toBe(201);
    expect(record).toMatchObject({ IPADDRESS: '2001:db8::44' });
  });

  it('Express: mounted on one route, next to routes that parse JSON themselves', async () => {
    const { createApp } = await import('./adapters/express-app.js');
    const url = await serve(createApp(env()));
    const { response, record } = await signUp(`${url}/api/signup`, 'express@example.com');
    expect(response.status).toBe(201);
    expect(record).toMatchObject({ IPADDRESS: '127.0.0.1' });
    const tooBig = await fetch(`${url}/api/signup`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://www.example.com' }, body: 'x'.repeat(20_000) });
    expect(tooBig.status).toBe(413);
    const other = await fetch(`${url}/api/other`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await other.json()).toEqual({ echo: { a: 1 } });
  });
});
