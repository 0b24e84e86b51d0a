import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { captureLogger, ENDPOINT, post, proxyWithMock, SITE, status, validBody } from '../support/proxy-fixture.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
// Canary credentials: the mock accepts them, so every code path runs with them, and any
// appearance anywhere outside the proxy's memory is a leak.
const USER = 'apiuser-canary7f3e2b@apiconnector.com';
const PASSWORD = 'canary-Pa55-9d1c-e0f4';
const secrets = [USER, PASSWORD, btoa(`${USER}:${PASSWORD}`), btoa(USER), btoa(PASSWORD), encodeURIComponent(USER)];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('credentials never leave the proxy', () => {
  it('appear in no built file; the demo account appears only in the mock, the CLI and the demo server', () => {
    expect(existsSync(dist), 'dist/ is missing: run `npm run build` first (npm test does)').toBe(true);
    const built = files(dist);
    expect(built.length).toBeGreaterThan(20);
    const mayNameDemo = /^(mock\/|cli\.js|demo\/start-demo\.js)/;
    for (const file of built) {
      const text = readFileSync(file, 'utf8');
      const name = relative(dist, file).replaceAll('\\', '/');
      for (const secret of secrets) expect(text, `${name} holds a credential`).not.toContain(secret);
      if (!mayNameDemo.test(name) && !name.endsWith('.map')) {
        expect(text, `${name} names the demo API user`).not.toContain(DEMO_API_USER);
        expect(text, `${name} holds the demo password`).not.toContain(DEMO_API_PASSWORD);
      }
      // Browser bundles must not even carry the mock.
      if (/^(embed|demo-site)\//.test(name)) expect(text).not.toMatch(/apiuser-|Basic\s+[A-Za-z0-9+/=]{20,}/);
    }
  });

  it('appear in no answer and no log line, whatever happens upstream', async () => {
    const logger = captureLogger();
    const proxy = proxyWithMock({ apiUser: USER, apiPassword: PASSWORD, allowedOrigins: [SITE], logger, retry: { budgetMs: 300, baseDelayMs: 1 } }, { apiUser: USER, apiPassword: PASSWORD });
    const body = await validBody(proxy.handler);
    const echo = async () => new Response(JSON.stringify({ message: `Denied for ${USER} / ${PASSWORD}. ERROR_UNKNOWN` }), { status: 500 });
    const requests: Array<() => Promise<Response>> = [
      () => proxy.handler(new Request(ENDPOINT, { headers: { origin: SITE } })),
      () => proxy.handler(new Request(ENDPOINT, { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST' } })),
      () => proxy.handler(post(body)),
      () => proxy.handler(post({ ...body, email: 'nope' })),
      () => proxy.handler(post('{bad')),
      () => proxy.handler(post(body, { origin: 'https://evil.example' })),
      async () => {
        proxy.faults.push({ times: 100, answer: echo });
        return proxy.handler(post({ ...body, email: 'bob@example.com' }));
      },
      async () => {
        proxy.faults.splice(0);
        proxy.faults.push({ answer: status(401, { message: `Authorization has been denied for ${USER}.` }) });
        return proxy.handler(post({ ...body, email: 'cat@example.com' }));
      },
    ];
    for (const send of requests) {
      const response = await send();
      const seen = `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`;
      for (const secret of secrets) expect(seen).not.toContain(secret);
    }
    expect(logger.lines.length).toBeGreaterThan(2);
    for (const secret of secrets) expect(logger.text()).not.toContain(secret);
    expect(logger.text()).not.toMatch(/[a-z]+@example\.com/);
  });
});
