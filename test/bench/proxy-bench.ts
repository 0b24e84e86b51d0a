// `npm run bench` section: the signup proxy's cost. The proxy (`dotdigital-signup serve`) and
// the mock Dotdigital (`dotdigital-signup mock`, zero latency) run as their own processes,
// as in production; this process is the load generator (undici, keep-alive pools).
// The same signups are sent (a) through the proxy and (b) straight to the mock as the exact
// calls the proxy makes for them (read the contact, then write), in one run.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { buildContactBody } from '../../src/server/dotdigital/build-contact-body.js';
import type { DotdigitalPreference } from '../../src/server/dotdigital/index.js';
import { percentile, type BenchSection } from './bench-section.js';

// Overridable, so benches run by several people on one machine do not collide.
const PROXY_PORT = Number(process.env.BENCH_PROXY_PORT ?? 3450);
const MOCK_PORT = Number(process.env.BENCH_MOCK_PORT ?? 3451);
const SITE = 'https://www.example.com';
const CONCURRENCY = 32;
const SIGNUPS = 20_000;
const WARM_UP = 3_000;
/** Mock alone and through the proxy take turns this many times (see `alternate`). */
const ROUNDS = 4;
const SEQUENTIAL = 1_000;
const GETS = 20_000;
// BENCH_CLI runs another build (e.g. a copy of main's dist) to compare before and after.
const cli = process.env.BENCH_CLI ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const AUTH = `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}`;

function start(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => /http:\/\//.test(String(chunk)) && resolve(child));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

/** CPU time a process has used so far, in ms (Linux /proc; undefined elsewhere). */
function cpuMs(child: ChildProcess): number | undefined {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, at USER_HZ = 100
  } catch {
    return undefined;
  }
}

/** Runs `work` and reports how much CPU each process spent on it per operation, in µs. */
async function cpuPer<T>(count: number, processes: ChildProcess[], work: () => Promise<T>): Promise<{ result: T; perOp: Array<number | undefined> }> {
  const before = processes.map(cpuMs);
  const self = process.cpuUsage();
  const result = await work();
  const spent = process.cpuUsage(self);
  const perOp = processes.map((child, i) => {
    const [start, end] = [before[i], cpuMs(child)];
    return start === undefined || end === undefined ? undefined : ((end - start) * 1000) / count;
  });
  return { result, perOp: [...perOp, (spent.user + spent.system) / count] };
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

/** One stretch of load: each operation's latency, and how long the stretch took. */
interface Stretch {
  samples: Float64Array;
  seconds: number;
  failures: number;
}

/** Runs `count` operations numbered from `first`, `concurrency` at a time. */
async function stretch(count: number, concurrency: number, one: (i: number) => Promise<boolean>, first = 0): Promise<Stretch> {
  const samples = new Float64Array(count);
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        if (!(await one(first + i))) failures++;
        samples[i] = performance.now() - t;
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000, failures };
}

/** Latency percentiles over every operation of the stretches, rate over their summed time. */
function summarise(stretches: Stretch[]): Run {
  const count = stretches.reduce((sum, part) => sum + part.samples.length, 0);
  const samples = new Float64Array(count);
  let offset = 0;
  for (const part of stretches) {
    samples.set(part.samples, offset);
    offset += part.samples.length;
  }
  samples.sort();
  const seconds = stretches.reduce((sum, part) => sum + part.seconds, 0);
  const failures = stretches.reduce((sum, part) => sum + part.failures, 0);
  return { perSecond: count / seconds, p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), failures };
}

/** Runs `count` operations, `concurrency` at a time; latency per operation, rate over the whole run. */
async function load(count: number, concurrency: number, one: (i: number) => Promise<boolean>): Promise<Run> {
  return summarise([await stretch(count, concurrency, one)]);
}

/**
 * Runs each workload `count` times in alternating rounds (A B A B…), so a burst of other
 * work on a shared machine lands on both sides of a comparison, not on one. Reports each
 * workload's run and the CPU each process spent per operation on it.
 */
type Measured = { result: Run; perOp: Array<number | undefined> };
async function alternate(rounds: number, count: number, processes: ChildProcess[], workloads: [(i: number) => Promise<boolean>, (i: number) => Promise<boolean>]): Promise<[Measured, Measured]> {
  const per = Math.ceil(count / rounds);
  const parts = workloads.map(() => ({ stretches: [] as Stretch[], cpu: [] as Array<Array<number | undefined>> }));
  for (let round = 0; round < rounds; round++) {
    for (const [w, one] of workloads.entries()) {
      const { result, perOp } = await cpuPer(per, processes, () => stretch(per, CONCURRENCY, one, round * per));
      parts[w]!.stretches.push(result);
      parts[w]!.cpu.push(perOp);
    }
  }
  const [a, b] = parts.map(({ stretches, cpu }) => ({
    result: summarise(stretches),
    perOp: cpu[0]!.map((_, i) => (cpu.some((round) => round[i] === undefined) ? undefined : cpu.reduce((sum, round) => sum + round[i]!, 0) / rounds)),
  }));
  return [a!, b!];
}

async function call(agent: Agent, url: string, method: 'GET' | 'POST', headers: Record<string, string>, body?: string): Promise<number> {
  const response = await request(url, { dispatcher: agent, method, headers, ...(body === undefined ? {} : { body }) });
  await response.body.dump();
  return response.statusCode;
}

/** Signups per second and latency, proxy + mock against mock alone; cached definition GETs per second. */
export async function proxyBench(): Promise<BenchSection> {
  const mockUrl = `http://127.0.0.1:${MOCK_PORT}`;
  const proxyUrl = `http://127.0.0.1:${PROXY_PORT}`;
  const mock = await start(['mock', '--port', String(MOCK_PORT)], {});
  const proxy = await start(['serve', '--port', String(PROXY_PORT), '--host', '127.0.0.1'], {
    DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mockUrl,
    SIGNUP_ALLOWED_ORIGINS: SITE, SIGNUP_RATE_LIMIT: 'off',
  });
  const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 30_000 });
  try {
    const definition = (await (await request(proxyUrl, { dispatcher: agent })).body.json()) as { consent: { text: string; version: string } };
    const tree = (await (await request(`${mockUrl}/v2/preferences`, { dispatcher: agent, headers: { authorization: AUTH } })).body.json()) as DotdigitalPreference[];
    const consent = () => ({ ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/signup` });
    const json = { 'content-type': 'application/json' };

    const viaProxy = (tag: string) => async (i: number) =>
      (await call(agent, proxyUrl, 'POST', { ...json, origin: SITE, 'user-agent': 'bench/1' }, JSON.stringify({ email: `${tag}${i}@example.com`, preferences: [2, 5], consent: consent() }))) === 201;
    // What the proxy sends for the same signup: the contact as Dotdigital holds it (v3), then the write.
    const direct = (tag: string) => async (i: number) => {
      const email = `${tag}${i}@example.com`;
      const read = await call(agent, `${mockUrl}/contacts/v3/email/${encodeURIComponent(email)}`, 'GET', { authorization: AUTH });
      const body = buildContactBody(
        { email, optInType: 'Single', dataFields: [], consentText: definition.consent.text, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/signup`, ipAddress: '127.0.0.1', userAgent: 'bench/1', shown: new Set([2, 3, 5]), ticked: new Set([2, 5]) },
        tree, undefined,
      );
      const write = await call(agent, `${mockUrl}/v2/contacts/with-consent-and-preferences`, 'POST', { ...json, authorization: AUTH }, JSON.stringify(body));
      return read === 404 && write === 201;
    };

    // Long enough for V8 to have optimised both sides' hot paths: the figures are steady state, not compilation.
    await load(WARM_UP, CONCURRENCY, direct('warm-d'));
    await load(WARM_UP, CONCURRENCY, viaProxy('warm-p'));
    const [alone, through] = await alternate(ROUNDS, SIGNUPS, [proxy, mock], [direct('d'), viaProxy('p')]);
    const [mockAlone, proxied] = [alone.result, through.result];
    const mockOne = await load(SEQUENTIAL, 1, direct('d1-'));
    const proxyOne = await load(SEQUENTIAL, 1, viaProxy('p1-'));
    const gets = await load(GETS, CONCURRENCY, async () => (await call(agent, proxyUrl, 'GET', { origin: SITE })) === 200);
    const revalidated = await load(GETS, CONCURRENCY, async () => (await call(agent, proxyUrl, 'GET', { origin: SITE, 'if-none-match': '*' })) === 304);

    const ms = (value: number) => `${value.toFixed(3)} ms`;
    const us = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(0)} µs`);
    const [, mockCpuAlone, loadCpuAlone] = alone.perOp;
    const [proxyCpu, mockCpu, loadCpu] = through.perOp;
    const failures = mockAlone.failures + proxied.failures + mockOne.failures + proxyOne.failures + gets.failures + revalidated.failures;
    return {
      title: `Signup proxy (serve + mock as processes, zero latency, ${CONCURRENCY} concurrent, keep-alive)`,
      rows: [
        ['signups/s, mock alone (read + write)', mockAlone.perSecond.toFixed(0), `p50 ${ms(mockAlone.p50)}, p99 ${ms(mockAlone.p99)}`],
        ['signups/s, through the proxy', proxied.perSecond.toFixed(0), `p50 ${ms(proxied.p50)}, p99 ${ms(proxied.p99)}`],
        ['throughput ratio, proxy / mock alone', `${((proxied.perSecond / mockAlone.perSecond) * 100).toFixed(1)} %`, 'goal ≥ 80 %'],
        ['CPU per signup: proxy process', us(proxyCpu), `mock ${us(mockCpu)}, load generator ${us(loadCpu)}`],
        ['CPU per signup, mock alone: mock', us(mockCpuAlone), `load generator ${us(loadCpuAlone)}; cores here: ${availableParallelism()}`],
        ['p50 one at a time, mock alone', ms(mockOne.p50), `p99 ${ms(mockOne.p99)}`],
        ['p50 one at a time, through the proxy', ms(proxyOne.p50), `p99 ${ms(proxyOne.p99)}`],
        ['p50 added by the proxy', ms(proxyOne.p50 - mockOne.p50), 'goal < 1 ms'],
        ['cached definition GETs/s (200)', gets.perSecond.toFixed(0), `p50 ${ms(gets.p50)}, p99 ${ms(gets.p99)}`],
        ['cached definition GETs/s (304)', revalidated.perSecond.toFixed(0), `p50 ${ms(revalidated.p50)}, p99 ${ms(revalidated.p99)}`],
        ['failed requests', String(failures), 'must be 0'],
      ],
    };
  } finally {
    await agent.close();
    proxy.kill();
    mock.kill();
  }
}
