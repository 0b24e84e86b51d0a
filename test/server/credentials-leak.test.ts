import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { dotdigitalError, ENDPOINT, post, proxyWithMock, SITE, validBody, type Intercept } from './proxy-fixture.js';

// Credentials made up for this run: if any of them shows up in a built file, an answer or a
// log line, something leaked it.
const USER = `apiuser-${crypto.randomUUID().slice(0, 12)}@apiconnector.com`;
const PASSWORD = `pw-${crypto.randomUUID()}`;
const secrets = [USER, PASSWORD, btoa(`${USER}:${PASSWORD}`), encodeURIComponent(USER), USER.split('@')[0]!];

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'dds-leak-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function leaksIn(text: string): string[] {
  return secrets.filter((secret) => text.includes(secret));
}

describe('credentials never leave the server', () => {
  it('are in no built file, even when the build runs with them in its environment', { timeout: 120_000 }, () => {
    const env = { ...process.env, DOTDIGITAL_API_USER: USER, DOTDIGITAL_API_PASSWORD: PASSWORD, VITE_DOTDIGITAL_API_USER: USER, VITE_DOTDIGITAL_API_PASSWORD: PASSWORD };
    const vite = join(root, 'node_modules/vite/bin/vite.js');
    for (const mode of ['embed', 'demo']) {
      execFileSync(process.execPath, [vite, 'build', '--mode', mode, '--outDir', join(scratch, mode), '--logLevel', 'error'], { cwd: root, env, stdio: 'pipe' });
    }
    const built = [...files(join(root, 'dist')), ...files(scratch)];
    expect(built.length).toBeGreaterThan(20);
    for (const file of built) expect({ file, leaks: leaksIn(readFileSync(file, 'utf8')) }).toEqual({ file, leaks: [] });
    // Browser code holds no API user at all, not even the mock's demo one.
    const browser = built.filter((file) => /dist[/\\](embed|demo-site)[/\\]|dds-leak-/.test(file));
    expect(browser.length).toBeGreaterThan(1);
    for (const file of browser) {
      const text = readFileSync(file, 'utf8');
      expect({ file, found: [DEMO_API_USER, DEMO_API_PASSWORD, 'apiconnector.com'].filter((s) => text.includes(s)) }).toEqual({ file, found: [] });
    }
  });

  it('are in no answer and no log line, whatever happens upstream', async () => {
    const faults: Array<[string, Intercept | undefined]> = [
      ['none', undefined],
      ['500', async (r, next) => (r.method === 'POST' ? dotdigitalError(500, `ERROR_UNKNOWN for ${r.headers.get('authorization')}`) : next(r))],
      ['401', async (r) => dotdigitalError(401, `Authorization has been denied for this request. ${r.headers.get('authorization')}`)],
      ['429', async (r, next) => (r.method === 'POST' ? dotdigitalError(429, 'Too many requests', { 'x-ratelimit-reset': '30' }) : next(r))],
      ['network', async (r, next) => (r.method === 'POST' ? Promise.reject(new Error(`connect failed ${r.url} ${r.headers.get('authorization')}`)) : next(r))],
      ['suppressed', async (r, next) => (r.method === 'POST' ? dotdigitalError(400, 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED') : next(r))],
    ];
    let answers = 0;
    for (const [, intercept] of faults) {
      const setup = proxyWithMock({ apiUser: USER, apiPassword: PASSWORD, allowedOrigins: [SITE], addressBookId: 9 }, { apiUser: USER, apiPassword: PASSWORD }, intercept);
      const requests = [
        new Request(ENDPOINT, { headers: { origin: SITE } }),
        new Request(ENDPOINT, { method: 'HEAD' }),
        new Request(ENDPOINT, { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST' } }),
        new Request(ENDPOINT, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }),
        new Request(ENDPOINT, { method: 'DELETE' }),
        post('{"email":'),
        post({ email: 'nope' }),
      ];
      for (const request of requests) {
        const response = await setup.handler(request);
        expect(leaksIn(JSON.stringify([...response.headers]) + (await response.text()))).toEqual([]);
        answers++;
      }
      const body = await validBody(setup.handler).catch(() => undefined);
      if (body) {
        const response = await setup.handler(post(body));
        expect(leaksIn(JSON.stringify([...response.headers]) + (await response.text()))).toEqual([]);
        answers++;
      }
      expect(leaksIn(setup.logs.text())).toEqual([]);
      expect(setup.logs.text()).not.toContain('ann@example.com');
    }
    expect(answers).toBeGreaterThan(40);
  });
});
