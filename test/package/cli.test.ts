import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';

// Runs the built bin (`npm test` builds before Vitest) exactly as `npx dotdigital-signup` would.
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const running: ChildProcess[] = [];
afterEach(() => running.splice(0).forEach((child) => child.kill()));

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /(http:\/\/\S+:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`exited: ${output}`)));
  });
  url.catch(() => undefined); // a test that expects the exit reads `output` instead
  return { child, url, output: () => output };
}

describe('dotdigital-signup bin', () => {
  it('`mock` serves the Dotdigital API with the demo credentials', async () => {
    const { url } = start(['mock', '--port', '0']);
    const base = await url;
    const auth = { authorization: `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}` };
    const response = await fetch(`${base}/v2/preferences`, { headers: auth });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBeGreaterThan(0);
  });

  it('`serve` runs the proxy from environment variables against that API', async () => {
    const mock = start(['mock', '--port', '0']);
    const proxy = start(['serve', '--port', '0'], {
      DOTDIGITAL_API_USER: DEMO_API_USER,
      DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD,
      DOTDIGITAL_API_URL: await mock.url,
      SIGNUP_CONSENT_TEXT: 'Consent from the environment.',
    });
    const definition = (await (await fetch(await proxy.url)).json()) as { consent: { text: string } };
    expect(definition.consent.text).toBe('Consent from the environment.');
  });

  it('`serve` without credentials exits 1 and says what to set', async () => {
    const { child, output } = start(['serve', '--port', '0']);
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(output()).toContain('Set DOTDIGITAL_API_USER and DOTDIGITAL_API_PASSWORD');
  });
});
