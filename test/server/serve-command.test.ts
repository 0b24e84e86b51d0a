import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER, listenMock } from '../../src/mock/index.js';

// `dotdigital-signup serve`, run from the build exactly as `npx dotdigital-signup serve` runs it.
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SITE = 'https://www.example.com';
const running: ChildProcess[] = [];
let mock: Awaited<ReturnType<typeof listenMock>>;
beforeAll(async () => {
  mock = await listenMock();
});
afterAll(() => mock.close());
afterEach(() => running.splice(0).forEach((child) => child.exitCode === null && child.kill()));

function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { PATH: process.env.PATH ?? '', DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`exited: ${stdout}${stderr}`)));
  });
  url.catch(() => undefined);
  return { child, url, stderr: () => stderr };
}

describe('dotdigital-signup serve', () => {
  it('signs up through the configured options and logs JSON lines without the address', async () => {
    const proxy = serve({ SIGNUP_ALLOWED_ORIGINS: SITE, SIGNUP_CONSENT_TEXT: 'Serve consent.', SIGNUP_ADDRESS_BOOK_ID: '101', SIGNUP_PREFERENCES: '5' });
    const base = await proxy.url;
    const definition = (await (await fetch(base)).json()) as { consent: { text: string; version: string }; preferences: unknown };
    expect(definition.preferences).toEqual([{ id: 5, label: 'Events near you' }]);
    const response = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE },
      body: JSON.stringify({ email: 'serve@example.com', preferences: [5], consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` } }),
    });
    expect(response.status).toBe(201);
    expect([...mock.mock.store.contacts.get('serve@example.com')!.addressBooks]).toEqual([101]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = proxy.stderr().trim().split('\n').map((line) => JSON.parse(line) as { level: string; message: string; contact?: string });
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', message: 'Signed up', contact: expect.stringMatching(/^e:[0-9a-f]{16}$/) }));
    expect(proxy.stderr()).not.toContain('serve@example.com');
    expect(proxy.stderr()).not.toContain(DEMO_API_PASSWORD);
    proxy.child.kill('SIGTERM');
    const [code] = await once(proxy.child, 'exit');
    expect(code).toBe(0);
  });

  it('warns when no allowed origins are set', async () => {
    const proxy = serve({});
    await proxy.url;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.stderr()).toContain('SIGNUP_ALLOWED_ORIGINS is not set');
  });

  it('exits 1 naming a variable that cannot be right', async () => {
    const proxy = serve({ SIGNUP_OPT_IN_TYPE: 'Double' });
    const [code] = await once(proxy.child, 'exit');
    expect(code).toBe(1);
    expect(proxy.stderr()).toContain('SIGNUP_OPT_IN_TYPE="Double" is not valid: use Single or VerifiedDouble');
  });
});
