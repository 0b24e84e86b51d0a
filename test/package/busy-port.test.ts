import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { runCli } from '../support/run-cli.js';

// A port another program holds: `npm start`, `serve` and `mock` say which port and how to pick
// another, in one line, and exit non-zero; no stack trace. Real processes, from the build.
let taken: Server;
let port: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, resolve)); // all interfaces, as the demo listens
  port = (taken.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => taken.close(resolve)));

async function exitOf(child: ChildProcess, output: () => string) {
  const [code] = (await once(child, 'exit')) as [number];
  return { code, text: output() };
}

function expectOneClearLine(text: string, variable: string, command: string) {
  expect(text).toContain(`Port ${port} is already in use by another program: stop that program, or choose another port, e.g. ${variable}=${port + 1} ${command}`);
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toContain('EADDRINUSE');
}

/** `npm start` without its build step: the built demo, with only PATH and `env`; resolves when it exits. */
async function startDemo(env: Record<string, string>) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../dist/demo/start-demo.js', import.meta.url))], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return exitOf(child, () => output);
}

describe('a busy port', () => {
  it('`npm start` (the demo): names PORT', async () => {
    const { code, text } = await startDemo({ PORT: String(port), DOTDIGITAL_MOCK_PORT: '0' });
    expect(code).toBe(1);
    expectOneClearLine(text, 'PORT', 'npm start');
  }, 30_000);

  it('`npm start` (the demo): names DOTDIGITAL_MOCK_PORT when the mock\'s port is the busy one', async () => {
    const { code, text } = await startDemo({ PORT: '0', DOTDIGITAL_MOCK_PORT: String(port) });
    expect(code).toBe(1);
    expectOneClearLine(text, 'DOTDIGITAL_MOCK_PORT', 'npm start');
  }, 30_000);

  it('`dotdigital-signup serve`: names PORT and --port', async () => {
    const proxy = runCli(['serve', '--port', String(port)], { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: 'http://127.0.0.1:9', SIGNUP_CONSENT_TEXT: 'Yes.', SIGNUP_ALLOWED_ORIGINS: 'https://www.example.com' });
    const { code, text } = await exitOf(proxy.child, proxy.output);
    expect(code).toBe(1);
    expectOneClearLine(proxy.stderr(), 'PORT', `npx dotdigital-signup serve (or --port ${port + 1})`);
    expect(text.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('`dotdigital-signup mock`: names DOTDIGITAL_MOCK_PORT', async () => {
    const mock = runCli(['mock', '--port', String(port)]);
    const { code } = await exitOf(mock.child, mock.output);
    expect(code).toBe(1);
    expectOneClearLine(mock.stderr(), 'DOTDIGITAL_MOCK_PORT', 'npx dotdigital-signup mock');
  }, 30_000);
});
