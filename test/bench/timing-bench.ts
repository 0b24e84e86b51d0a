// `npm run bench` section (issue 20, item 4): does the time of a `202 pending_confirmation`
// answer tell who an address is? `dotdigital-signup serve` in front of `dotdigital-signup mock
// --latency 40` (40 ms per Dotdigital answer), both as processes; one signup at a time, the kinds
// of address taking turns, each signup a fresh address of its kind. Median and p95 per kind;
// the goal is medians within 25 % of each other. BENCH_CLI runs another build (e.g. main's) to
// compare before and after.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import { percentile, type BenchSection } from './bench-section.js';

const PROXY_PORT = Number(process.env.BENCH_PROXY_PORT ?? 3450);
const MOCK_PORT = Number(process.env.BENCH_MOCK_PORT ?? 3451);
const SITE = 'https://www.example.com';
const LATENCY_MS = 40;
const SAMPLES = Number(process.env.BENCH_TIMING_SAMPLES ?? 40);
const WARM_UP = 3;
const cli = process.env.BENCH_CLI ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const AUTH = `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}`;

type Kind = 'new' | 'subscribed' | 'unsubscribed' | 'suppressed' | 'pending';

function start(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => /http:\/\//.test(String(chunk)) && resolve(child));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

/** Makes `email` an address of `kind` in the mock, through its API and its page, as the account would hold it. */
async function seed(mock: string, kind: Kind, email: string): Promise<void> {
  const write = (optInType: string) =>
    fetch(`${mock}/v2/contacts/with-consent-and-preferences`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ contact: { email, optInType }, consentFields: [], preferences: [{ id: 21, isPreference: true, isOptedIn: true }] }),
    });
  const status = (value: string) => fetch(`${mock}/_mock/contacts`, { method: 'POST', body: new URLSearchParams({ email, status: value }), redirect: 'manual' });
  if (kind === 'subscribed') await write('Single');
  if (kind === 'pending') await write('VerifiedDouble');
  if (kind === 'unsubscribed') await write('Single').then(() => status('Unsubscribed'));
  if (kind === 'suppressed') await status('Suppressed');
}

/** One signup's answer time, in ms, and its status. */
async function signUp(proxy: string, email: string, consent: object): Promise<{ ms: number; status: number }> {
  const body = JSON.stringify({ email, preferences: [5], consent: { ...consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/signup` } });
  const started = performance.now();
  const response = await fetch(proxy, { method: 'POST', headers: { 'content-type': 'application/json', origin: SITE }, body });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

async function measure(optInType: 'Single' | 'VerifiedDouble', kinds: Kind[], run: number): Promise<Map<Kind, { times: number[]; statuses: Set<number> }>> {
  const mock = await start(['mock', '--port', String(MOCK_PORT), '--latency', String(LATENCY_MS)], {});
  const proxy = await start(['serve', '--port', String(PROXY_PORT), '--host', '127.0.0.1'], {
    DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: `http://127.0.0.1:${MOCK_PORT}`,
    SIGNUP_ALLOWED_ORIGINS: SITE, SIGNUP_RATE_LIMIT: 'off', SIGNUP_OPT_IN_TYPE: optInType,
  });
  try {
    const [mockUrl, proxyUrl] = [`http://127.0.0.1:${MOCK_PORT}`, `http://127.0.0.1:${PROXY_PORT}`];
    const { consent } = (await (await fetch(proxyUrl, { headers: { origin: SITE } })).json()) as { consent: object };
    const emails = (kind: Kind, n: number) => `${kind}-${run}-${n}@example.com`;
    await Promise.all(kinds.flatMap((kind) => Array.from({ length: WARM_UP + SAMPLES }, (_, n) => seed(mockUrl, kind, emails(kind, n)))));
    const results = new Map(kinds.map((kind) => [kind, { times: [] as number[], statuses: new Set<number>() }]));
    for (let n = 0; n < WARM_UP + SAMPLES; n++) {
      for (const kind of kinds) {
        const { ms, status } = await signUp(proxyUrl, emails(kind, n), consent);
        if (n < WARM_UP) continue;
        results.get(kind)!.times.push(ms);
        results.get(kind)!.statuses.add(status);
      }
    }
    for (const result of results.values()) result.times.sort((a, b) => a - b);
    return results;
  } finally {
    proxy.kill();
    mock.kill();
    await Promise.all([proxy, mock].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  }
}

function rows(results: Map<Kind, { times: number[]; statuses: Set<number> }>): BenchSection['rows'] {
  const medians = [...results.values()].map(({ times }) => percentile(times, 0.5));
  const spread = Math.max(...medians) / Math.min(...medians);
  return [
    ...[...results].map(([kind, { times, statuses }]): [string, string, string] => [
      `median, ${kind}`,
      `${percentile(times, 0.5).toFixed(1)} ms`,
      `p95 ${percentile(times, 0.95).toFixed(1)} ms, n=${times.length}, answered ${[...statuses].join('/')}`,
    ]),
    ['slowest median / fastest median', `${((spread - 1) * 100).toFixed(1)} %`, 'goal ≤ 25 %'],
  ];
}

/** Answer times per kind of address: double opt-in (all five answer 202), and single opt-in's two 202 kinds. */
export async function timingBench(): Promise<BenchSection[]> {
  const double = await measure('VerifiedDouble', ['new', 'subscribed', 'unsubscribed', 'suppressed', 'pending'], 1);
  const single = await measure('Single', ['unsubscribed', 'suppressed'], 2);
  const how = `serve + mock --latency ${LATENCY_MS} as processes, one signup at a time, kinds taking turns`;
  return [
    { title: `202 pending_confirmation timing by address history, double opt-in (${how})`, rows: rows(double) },
    { title: `202 pending_confirmation timing by address history, single opt-in (the kinds that answer 202)`, rows: rows(single) },
  ];
}
