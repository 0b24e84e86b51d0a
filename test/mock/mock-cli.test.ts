import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTH, signup } from './mock-fixture.js';

// The built bin (`npm test` builds before Vitest), run as `npx dotdigital-signup mock …` would.
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const running: ChildProcess[] = [];
afterEach(() => running.splice(0).forEach((child) => child.kill()));

function mockCommand(args: string[]) {
  const child = spawn(process.execPath, [cli, 'mock', ...args], { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk);
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /(http:\/\/\S+:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`exited: ${output}`)));
  });
  url.catch(() => undefined);
  return { child, url, output: () => output };
}

describe('dotdigital-signup mock', () => {
  it('plays the account its flags describe', async () => {
    const base = await mockCommand(['--port', '0', '--double-opt-in', '--suppressed', 'gone@example.com']).url;
    const post = (email: string) =>
      fetch(`${base}/v2/contacts/with-consent`, { method: 'POST', headers: { authorization: AUTH, 'content-type': 'application/json' }, body: JSON.stringify(signup(email)) });
    const pending = (await (await post('ann@example.com')).json()) as { contact: { status: string } };
    expect(pending.contact.status).toBe('PendingOptIn');
    expect((await post('gone@example.com')).status).toBe(400);
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain('forced for every API signup');
  });

  it('prints its options for --help', async () => {
    const { child, output } = mockCommand(['--help']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output()).toContain('--rate-limit N');
  });

  it('exits 1 naming a bad flag', async () => {
    const { child, output } = mockCommand(['--rate-limit', 'lots']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output()).toContain('--rate-limit must be a whole number');
  });
});
