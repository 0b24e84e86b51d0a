import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real `redis-server` a test file owns: its own port, its own data directory. */
export interface TestRedisServer {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops it: SIGTERM (a clean shutdown) by default, SIGKILL for a crash. Data stays in its directory. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Stops it (if running) and starts it again on the same port and directory: the AOF brings the data back. */
  restart(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open but nothing answers, as a hung or partitioned Redis. */
  pause(): void;
  /** Lets a paused server run on (SIGCONT). */
  resume(): void;
  /** Stops it and deletes its directory. */
  close(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A crashed or interrupted test run must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts Debian's `redis-server` (or `REDIS_SERVER_PATH`) on a free port in a fresh temp
 * dir, append-only so a restart keeps what was written, with any further `args` (e.g.
 * `['--requirepass', 'pw']`). Never a mock: the stores' promises (atomic scripts, leases,
 * durability) are Redis's own.
 *
 * @example
 * const redis = await startRedisServer();
 * afterAll(() => redis.close());
 * const stores = createRedisStores({ redis: redis.url, prefix: 'test' });
 */
export async function startRedisServer(options: { args?: string[] } = {}): Promise<TestRedisServer> {
  const binary = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
  const dir = mkdtempSync(join(tmpdir(), 'dds-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--logfile', '', '--loglevel', 'notice', ...(options.args ?? [])];

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const fail = (why: string) => reject(new Error(`redis-server (${binary}) did not start: ${why}\n${output}\nInstall it (apt-get install redis-server) or set REDIS_SERVER_PATH.`));
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        fail('not ready within 10 s');
      }, 10_000);
      proc.once('error', (error) => (clearTimeout(timer), fail(error.message)));
      proc.once('exit', (code) => (clearTimeout(timer), running.delete(proc), fail(`exited with ${code}`)));
      proc.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          proc.stdout!.removeAllListeners('data');
          proc.stdout!.resume();
          resolve();
        }
      });
      proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child = proc;
      running.add(proc);
    });

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
    running.delete(proc);
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    restart: async (signal) => {
      await stop(signal);
      await start();
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    close: async () => {
      child?.kill('SIGCONT');
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
