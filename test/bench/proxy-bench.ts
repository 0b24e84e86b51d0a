// The proxy's cost, measured: signups through the Node proxy (built dist/, its own process)
// against the mock (its own process, no added latency), versus the same Dotdigital calls sent
// straight to the mock, in one run. The load generator is this process: node:http with a
// keep-alive agent, N requests in flight.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DEMO_API_PASSWORD, DEMO_API_USER } from '../../src/mock/index.js';
import type { BenchSection } from './bench-section.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MOCK_PORT = 3450;
const PROXY_PORT = 3451;
const SITE = 'https://www.example.com';
const AUTH = `Basic ${btoa(`${DEMO_API_USER}:${DEMO_API_PASSWORD}`)}`;
const CONCURRENCY = 32;
const THROUGHPUT_MS = 4_000;
const LATENCY_REQUESTS = 2_000;

interface Call { method: string; port: number; path: string; headers?: Record<string, string | undefined>; body?: string }
type Step = (i: number) => Call[];

function start(script: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

// noDelay: without it Nagle holds each POST's body back for the server's delayed ACK (~40 ms).
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2, noDelay: true });

function send(call: Call): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: call.port, method: call.method, path: call.path, agent, headers: { ...call.headers, ...(call.body ? { 'content-length': Buffer.byteLength(call.body) } : {}) } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(call.body);
  });
}

/** Runs `step` (one logical operation: one or more sequential calls) until `stop`, N at a time. */
async function drive(step: Step, concurrency: number, stop: { ms?: number; count?: number }, expect: number[]) {
  const latencies: number[] = [];
  let next = 0;
  const began = performance.now();
  const until = stop.ms === undefined ? Infinity : began + stop.ms;
  async function worker() {
    while (performance.now() < until && (stop.count === undefined || next < stop.count)) {
      const i = next++;
      const t0 = performance.now();
      for (const call of step(i)) {
        const status = await send(call);
        if (!expect.includes(status)) throw new Error(`${call.method} ${call.path} answered ${status}`);
      }
      latencies.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

export async function proxyBench(): Promise<BenchSection> {
  const mock = await start(`const { listenMock } = await import('./dist/mock/index.js'); await listenMock({ port: ${MOCK_PORT} }); console.log('ready');`);
  const proxy = await start(`const { listenSignup } = await import('./dist/server/node/index.js');
    await listenSignup({ apiUser: ${JSON.stringify(DEMO_API_USER)}, apiPassword: ${JSON.stringify(DEMO_API_PASSWORD)}, apiUrl: 'http://127.0.0.1:${MOCK_PORT}',
      consentText: 'Bench consent.', allowedOrigins: [${JSON.stringify(SITE)}], rateLimit: { limit: 1e9, windowMs: 60000 } }, { port: ${PROXY_PORT}, host: '127.0.0.1' });
    console.log('ready');`);
  try {
    const definition = await (await fetch(`http://127.0.0.1:${PROXY_PORT}/`)).json() as { consent: { text: string; version: string } };
    const email = (i: number) => `bench${i % 5000}@example.com`;
    const viaProxy: Step = (i) => [{
      method: 'POST', port: PROXY_PORT, path: '/',
      headers: { 'content-type': 'application/json', origin: SITE, 'user-agent': 'bench/1' },
      body: JSON.stringify({ email: email(i), preferences: [2, 5], consent: { ...definition.consent, consentedAt: new Date().toISOString(), pageUrl: `${SITE}/` } }),
    }];
    // What the proxy sends for the same signup: read the contact's preferences (the demo account
    // has a private one the form does not show), then the contact write.
    const direct: Step = (i) => [
      { method: 'GET', port: MOCK_PORT, path: `/v2/contacts/${encodeURIComponent(email(i))}/preferences`, headers: { authorization: AUTH } },
      {
        method: 'POST', port: MOCK_PORT, path: '/v2/contacts/with-consent-and-preferences',
        headers: { authorization: AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({
          contact: { email: email(i), optInType: 'Single', emailType: 'Html', dataFields: [] },
          consentFields: [{ fields: [{ key: 'TEXT', value: 'Bench consent.' }, { key: 'DATETIMECONSENTED', value: new Date().toISOString() }, { key: 'URL', value: `${SITE}/` }, { key: 'IPADDRESS', value: '127.0.0.1' }, { key: 'USERAGENT', value: 'bench/1' }] }],
          preferences: [{ id: 1, isPreference: false, preferences: [{ id: 2, isPreference: true, isOptedIn: true }, { id: 3, isPreference: true, isOptedIn: false }] }, { id: 5, isPreference: true, isOptedIn: true }],
        }),
      },
    ];
    const getDefinition: Step = () => [{ method: 'GET', port: PROXY_PORT, path: '/', headers: { origin: SITE } }];
    const ok = [200, 201, 404];

    // Warm both paths (JIT, sockets, 5000 contacts created) before measuring.
    await drive(direct, CONCURRENCY, { count: 5000 }, ok);
    await drive(viaProxy, CONCURRENCY, { count: 3000 }, ok);

    const directLatency = await drive(direct, 1, { count: LATENCY_REQUESTS }, ok);
    const proxyLatency = await drive(viaProxy, 1, { count: LATENCY_REQUESTS }, ok);
    const directLoad = await drive(direct, CONCURRENCY, { ms: THROUGHPUT_MS }, ok);
    const proxyLoad = await drive(viaProxy, CONCURRENCY, { ms: THROUGHPUT_MS }, ok);
    const gets = await drive(getDefinition, CONCURRENCY, { ms: THROUGHPUT_MS }, [200]);

    const ms = (value: number) => `${value.toFixed(2)} ms`;
    const rate = (value: number) => `${Math.round(value).toLocaleString('en')}/s`;
    return {
      title: `Proxy overhead (Node proxy → mock, both built, own processes; ${CONCURRENCY} in flight for throughput)`,
      rows: [
        ['signup p50, one at a time', ms(proxyLatency.p50), `direct to mock ${ms(directLatency.p50)} → proxy adds ${ms(proxyLatency.p50 - directLatency.p50)} (goal < 1 ms)`],
        ['signup p99, one at a time', ms(proxyLatency.p99), `direct to mock ${ms(directLatency.p99)}`],
        ['signups/s through the proxy', rate(proxyLoad.perSecond), `p50 ${ms(proxyLoad.p50)}, p99 ${ms(proxyLoad.p99)}`],
        ['same calls straight to the mock', rate(directLoad.perSecond), `p50 ${ms(directLoad.p50)}, p99 ${ms(directLoad.p99)}`],
        ['proxy / mock-alone throughput', `${Math.round((100 * proxyLoad.perSecond) / directLoad.perSecond)}%`, 'goal ≥ 80%'],
        ['cached form-definition GETs/s', rate(gets.perSecond), `p50 ${ms(gets.p50)}, p99 ${ms(gets.p99)}`],
      ],
    };
  } finally {
    agent.destroy();
    proxy.kill();
    mock.kill();
  }
}
