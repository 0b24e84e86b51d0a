import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The built bin (`npm test` builds before Vitest), run exactly as `npx dotdigital-signup …` runs it.
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const running: ChildProcess[] = [];

/**
 * Starts `dotdigital-signup <args>` with only PATH and `env` in its environment, keeping what it
 * writes. `url` resolves with the first address it prints (and rejects if it exits first).
 *
 * @example
 * afterEach(stopClis);
 * const base = await runCli(['mock', '--port', '0']).url;
 */
export function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let [stdout, stderr, output] = ['', '', ''];
  child.stdout!.on('data', (chunk) => ((stdout += chunk), (output += chunk)));
  child.stderr!.on('data', (chunk) => ((stderr += chunk), (output += chunk)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /(http:\/\/\S+:\d+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`exited: ${output}`)));
  });
  url.catch(() => undefined); // a test that expects the exit reads `output` instead
  return { child, url, stdout: () => stdout, stderr: () => stderr, output: () => output };
}

/** One line `serve` or `worker` wrote to stderr. */
export interface LogLine {
  time: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  [detail: string]: unknown;
}

/**
 * What `serve` or `worker` wrote to stderr, one JSON object a line: throws on any line that is
 * not one, so a test that reads the log also checks that a log collector could.
 *
 * @example
 * expect(logLines(proxy.stderr())).toContainEqual(expect.objectContaining({ level: 'warn' }));
 */
export function logLines(text: string): LogLine[] {
  return text.split('\n').filter((line) => line !== '').map((line) => {
    try {
      return JSON.parse(line) as LogLine;
    } catch {
      throw new Error(`not a JSON line on stderr: ${line}`);
    }
  });
}

/** Kills every process `runCli` started that is still running: call it after each test. */
export function stopClis(): void {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill();
}
