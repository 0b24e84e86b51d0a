import { afterEach, describe, expect, it, vi } from 'vitest';
import { consentFor, ENDPOINT, post, proxyWithMock, reject, SITE } from '../support/proxy-fixture.js';

// README's snippets pass no logger: what an operator must act on still reaches the server's log.
// (proxyWithMock passes `logger: false` by default; `logger: undefined` is what README's snippets leave.)
afterEach(() => void vi.restoreAllMocks());

function spyConsole() {
  const lines: string[] = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(`${level}: ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`));
  }
  return lines;
}

describe('the default logger', () => {
  it('puts a wrong API password in the console as an error', async () => {
    const lines = spyConsole();
    const { handler } = proxyWithMock({ logger: undefined, apiPassword: 'not-the-password' });
    expect((await handler(new Request(ENDPOINT))).status).toBe(502);
    expect(lines).toContainEqual(expect.stringMatching(/^error: \[dotdigital-signup\] Dotdigital refused the API user \(401\): check apiUser and apiPassword/));
    expect(lines.join('\n')).not.toContain('not-the-password');
  });

  it('warns once per refused origin', async () => {
    const lines = spyConsole();
    const { handler } = proxyWithMock({ logger: undefined, allowedOrigins: [SITE] });
    const consent = await consentFor(handler);
    for (let i = 0; i < 3; i += 1) expect((await handler(post({ email: 'ann@example.com', consent }, { origin: 'https://evil.example' }))).status).toBe(403);
    const preflight = await handler(new Request(ENDPOINT, { method: 'OPTIONS', headers: { origin: 'https://other.example', 'access-control-request-method': 'POST' } }));
    expect(preflight.status).toBe(403);
    expect(lines.filter((line) => line.includes('https://evil.example'))).toEqual([
      expect.stringMatching(/^warn: \[dotdigital-signup\] Refused a signup from an origin not in `allowedOrigins`/),
    ]);
    expect(lines).toContainEqual(expect.stringMatching(/^warn: .*tried to load the form, and the browser blocks it.*other\.example/));
  });

  it('warns when Dotdigital is down, and leaves each signup (info) out', async () => {
    const lines = spyConsole();
    // Room for the first signup's two calls on a busy machine; the failing one still gives up within it.
    const proxy = proxyWithMock({ logger: undefined, retry: { budgetMs: 500, baseDelayMs: 1, maxDelayMs: 1 } });
    const consent = await consentFor(proxy.handler);
    expect((await proxy.handler(post({ email: 'ann@example.com', consent }), { clientAddress: '203.0.113.7' })).status).toBe(201);
    expect(lines).toEqual([]);
    proxy.faults.push({ times: Infinity, answer: reject() });
    expect((await proxy.handler(post({ email: 'bob@example.com', consent }), { clientAddress: '203.0.113.7' })).status).toBe(503);
    expect(lines).toContainEqual(expect.stringMatching(/^warn: \[dotdigital-signup\] Dotdigital did not answer within the retry budget/));
    expect(lines.join('\n')).not.toMatch(/ann@|bob@/);
  });

  it('is silenced by `logger: false`', async () => {
    const lines = spyConsole();
    const { handler } = proxyWithMock({ logger: false, apiPassword: 'not-the-password', allowedOrigins: [SITE] });
    expect((await handler(new Request(ENDPOINT))).status).toBe(502);
    expect((await handler(post({ email: 'ann@example.com' }, { origin: 'https://evil.example' }))).status).toBe(403);
    expect(lines).toEqual([]);
  });
});
