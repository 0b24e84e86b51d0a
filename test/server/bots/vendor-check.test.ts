import { createServer, type Server } from 'node:http';
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignupHandler, type SignupHandlerOptions } from '../../../src/server/index.js';
import { captureLogger, consentFor, errorOf, post, proxyWithMock, SITE } from '../../support/proxy-fixture.js';

// Issue 21, third-party checks: each vendor's siteverify faked on loopback, answering as the vendor
// documents it. Nothing goes to the internet: `verifyUrl` points at the fake.
type Answer = { status?: number; body?: unknown; raw?: string; delayMs?: number };
const answers = new Map<string, Answer>(); // by token
const seen: URLSearchParams[] = [];
let fake: Server;
let url = '';

beforeAll(async () => {
  fake = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(text);
      seen.push(form);
      const answer = answers.get(form.get('response') ?? '') ?? { body: { success: false, 'error-codes': ['invalid-input-response'] } };
      setTimeout(() => {
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
        response.end(answer.raw ?? JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(fake.address() as { port: number }).port}/siteverify`;
});
afterAll(() => new Promise((resolve) => (fake.closeAllConnections(), fake.close(resolve))));

const HOST = new URL(SITE).hostname;
function vendorProxy(kind: 'turnstile' | 'hcaptcha' | 'recaptcha', more: Record<string, unknown> = {}) {
  const logger = captureLogger();
  const proxy = proxyWithMock({ humanCheck: { kind, siteKey: `${kind}-site-key`, secret: `${kind}-secret`, verifyUrl: url, timeoutMs: 300, ...more }, allowedOrigins: [SITE], logger, clientIp: { trustedProxyHops: 1 } });
  const signUp = async (proof: string | undefined, email = 'ann@example.com') =>
    proxy.handler(post({ email, consent: await consentFor(proxy.handler), ...(proof === undefined ? {} : { proof }) }, { 'x-forwarded-for': '203.0.113.9' }), { clientAddress: '10.0.0.1' });
  return { ...proxy, logger, signUp };
}

describe.each(['turnstile', 'hcaptcha', 'recaptcha'] as const)('%s', (kind) => {
  const ok = { success: true, hostname: HOST, challenge_ts: '2026-12-05T05:00:00Z', ...(kind === 'recaptcha' ? { score: 0.9, action: 'signup' } : {}) };

  it('the definition names the vendor and its site key (never the secret); siteverify gets the secret, the token and the visitor\'s IP', async () => {
    const proxy = vendorProxy(kind);
    const text = await (await proxy.handler(new Request(`${SITE}/api/signup`))).text();
    expect(JSON.parse(text).humanCheck).toEqual({ kind, siteKey: `${kind}-site-key` });
    expect(text).not.toContain('secret');
    answers.set(`${kind}-good`, { body: ok });
    expect((await proxy.signUp(`${kind}-good`)).status).toBe(201);
    expect(Object.fromEntries(seen.at(-1)!)).toEqual({ secret: `${kind}-secret`, response: `${kind}-good`, remoteip: '203.0.113.9' });
    expect(proxy.contactWrites()).toBe(1);
  });

  it('fails closed, with a log line saying which: invalid-input-response, timeout-or-duplicate, another hostname, a 5xx, not JSON, a timeout, no token', async () => {
    const proxy = vendorProxy(kind);
    const cases: Array<[string, Answer | undefined, RegExp]> = [
      ['invalid', { body: { success: false, 'error-codes': ['invalid-input-response'] } }, /invalid-input-response/],
      ['duplicate', { body: { success: false, 'error-codes': ['timeout-or-duplicate'] } }, /timeout-or-duplicate/],
      ['elsewhere', { body: { ...ok, hostname: 'evil.example' } }, /another site \(evil\.example\)/],
      ['down', { status: 503, body: {} }, /siteverify answered 503/],
      ['garbled', { raw: '<html>oops</html>' }, /could not be read/],
      ['slow', { body: ok, delayMs: 1_000 }, /did not answer within 300 ms/],
    ];
    for (const [token, answer, logged] of cases) {
      answers.set(`${kind}-${token}`, answer!);
      const refused = await proxy.signUp(`${kind}-${token}`, `${token}@example.com`);
      expect(refused.status, token).toBe(403);
      expect((await errorOf(refused)).code, token).toBe('human_check_failed');
      expect(proxy.logger.lines.at(-1)?.message, token).toMatch(logged);
    }
    expect((await proxy.signUp(undefined, 'none@example.com')).status).toBe(403);
    expect(proxy.contactWrites()).toBe(0);
    expect(proxy.logger.text()).not.toContain(`${kind}-secret`);
  });

  if (kind === 'recaptcha') {
    it('refuses another action and a score under minScore', async () => {
      const proxy = vendorProxy(kind, { minScore: 0.7 });
      answers.set('r-action', { body: { ...ok, action: 'login' } });
      answers.set('r-score', { body: { ...ok, score: 0.5 } });
      expect((await proxy.signUp('r-action')).status).toBe(403);
      expect(proxy.logger.lines.at(-1)?.message).toMatch(/another action \(login\)/);
      expect((await proxy.signUp('r-score', 'b@example.com')).status).toBe(403);
      expect(proxy.logger.lines.at(-1)?.message).toMatch(/score 0.5 is under 0.7/);
    });
  }
});

describe("README's Bot defense snippets", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Bot defense'), readme.indexOf('## Troubleshooting'));
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

  it('each creates a handler with the check it names', async () => {
    expect(blocks.length).toBe(2);
    const env = { TURNSTILE_SITE_KEY: '0x4AAAAAAAsite', TURNSTILE_SECRET: '0x4AAAAAAAsecret' };
    const kinds: unknown[] = [];
    for (const block of blocks) {
      const js = ts.transpileModule(`${block}\nreturn handler;`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
      const options: SignupHandlerOptions = { apiUser: 'u', apiPassword: 'p', consentText: 'Yes.', apiUrl: 'https://mock.test', fetch: (async () => new Response('[]')) as typeof fetch, logger: false };
      const handler = new Function('createSignupHandler', 'options', 'process', js)(createSignupHandler, options, { env }) as (r: Request) => Promise<Response>;
      kinds.push(((await (await handler(new Request(`${SITE}/api/signup`))).json()) as { humanCheck?: unknown }).humanCheck ?? 'off');
    }
    expect(kinds).toEqual([{ kind: 'turnstile', siteKey: env.TURNSTILE_SITE_KEY }, 'off']);
  });
});

