import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../../src/mock/index.js';

// The built bin (`npm test` builds before Vitest), run as `npx dotdigital-signup serve` would be.
const cli = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));
const running: ChildProcess[] = [];
let mock: Awaited<ReturnType<typeof listenMock>>;
beforeAll(async () => {
  mock = await listenMock({ port: 0 });
});
afterAll(() => mock.close());
afterEach(() => running.splice(0).forEach((child) => child.kill()));

function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { PATH: process.env.PATH ?? '', DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', () => reject(new Error(`exited: ${output}`)));
  });
  url.catch(() => undefined);
  return { child, url, output: () => output };
}

describe('dotdigital-signup serve', () => {
  it('runs the proxy with the options from the environment', async () => {
    const proxy = serve({
      SIGNUP_CONSENT_TEXT: 'Consent from env.',
      SIGNUP_ALLOWED_ORIGINS: 'https://www.example.com',
      SIGNUP_FIELDS: '[{"name":"FIRSTNAME","label":"First name","required":true}]',
      SIGNUP_PREFERENCES: '5',
      SIGNUP_RATE_LIMIT: '1/60',
    });
    const url = await proxy.url;
    const definition = (await (await fetch(url)).json()) as { consent: { text: string; version: string }; fields: unknown[]; preferences: unknown[] };
    expect(definition.consent.text).toBe('Consent from env.');
    expect(definition.fields).toEqual([{ name: 'FIRSTNAME', label: 'First name', type: 'String', required: true }]);
    expect(definition.preferences).toEqual([{ id: 5, label: 'Events near you' }]);
    const signup = (fields: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://www.example.com' },
        body: JSON.stringify({ email: 'serve@example.com', preferences: [5], fields, consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: 'https://www.example.com/' } }),
      });
    expect((await signup({ FIRSTNAME: 'Sam' })).status).toBe(201);
    expect(mock.mock.store.contacts.get('serve@example.com')!.dataFields.get('FIRSTNAME')).toBe('Sam');
    const limited = await signup({ FIRSTNAME: 'Sam' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(proxy.output()).not.toContain('SIGNUP_ALLOWED_ORIGINS is not set');
    expect(proxy.output()).not.toContain('serve@example.com');
  });

  it('says when no allowed origins are set', async () => {
    const proxy = serve({});
    await proxy.url;
    expect(proxy.output()).toContain('SIGNUP_ALLOWED_ORIGINS is not set');
  });

  it.each([
    [{ SIGNUP_OPT_IN_TYPE: 'Double' }, 'SIGNUP_OPT_IN_TYPE must be Single or VerifiedDouble'],
    [{ SIGNUP_ALLOWED_ORIGINS: 'www.example.com' }, 'exact origins like https://www.example.com'],
  ])('exits 1 on a misconfiguration, saying what to fix: %j', async (env, message) => {
    const proxy = serve(env);
    const [code] = await once(proxy.child, 'exit');
    expect(code).toBe(1);
    expect(proxy.output()).toContain(message);
  });
});
