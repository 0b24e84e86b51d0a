import { readFileSync } from 'node:fs';
import { metrics } from '@opentelemetry/api';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/redis-server.js';
import { consentFor, post, proxyWithMock } from '../support/proxy-fixture.js';

// README, "Operate it": the instrumentation snippet is test/server/adapters/instrumentation.ts,
// and it works: a handler created after it counts into the app's own Prometheus endpoint. The
// metrics table names every instrument the source creates.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const source = (path: string) => readFileSync(new URL(`../../src/server/${path}`, import.meta.url), 'utf8');
let exporter: { shutdown(): Promise<void> } | undefined;
afterAll(async () => {
  await exporter?.shutdown();
  metrics.disable();
  delete process.env.METRICS_PORT;
});

describe('README: metrics', () => {
  it('shows test/server/adapters/instrumentation.ts as it is', () => {
    const shown = /<!-- tested: test\/server\/adapters\/instrumentation\.ts -->\n```ts\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(shown, 'README\'s copy of instrumentation.ts is stale: paste the file in').toBe(readFileSync(new URL('./adapters/instrumentation.ts', import.meta.url), 'utf8').trimEnd());
  });

  it('the SDK registered first, the handler counts into the app\'s /metrics', async () => {
    process.env.METRICS_PORT = String(await freePort());
    ({ exporter } = await import('./adapters/instrumentation.js'));
    const { handler } = proxyWithMock();
    const consent = await consentFor(handler);
    expect((await handler(post({ email: 'counted@example.com', preferences: [2], consent }), { clientAddress: '203.0.113.7' })).status).toBe(201);
    const text = await (await fetch(`http://127.0.0.1:${process.env.METRICS_PORT}/metrics`)).text();
    expect(text).toMatch(/^dotdigital_signup_signups_total\{status="subscribed",otel_scope_name="dotdigital-signup"\} 1$/m);
    expect(text).toMatch(/^dotdigital_signup_deliveries_total\{path="live",otel_scope_name="dotdigital-signup"\} 1$/m);
    expect(text).toMatch(/^dotdigital_signup_api_calls_total\{status="200",otel_scope_name="dotdigital-signup"\} \d+$/m);
  });

  it('lists every metric the proxy makes, by its Prometheus name', () => {
    const made = [source('shared/signup-metrics.ts'), source('queue/observe-queue.ts')].flatMap((text) => [
      ...[...text.matchAll(/create(Counter|Histogram|ObservableGauge)\('(dotdigital_signup\.[a-z_.]+)'/g)].map((m) => [m[1], m[2]]),
      ...[...text.matchAll(/gauge\('([a-z_.]+)'/g)].map((m) => ['ObservableGauge', `dotdigital_signup.${m[1]}`]),
    ]).filter(([, name]) => !name!.endsWith('.${name}'));
    expect(made.length).toBe(14);
    const prometheus = made.map(([kind, name]) => `${name!.replace(/\./g, '_')}${kind === 'Counter' ? '_total' : ''}`);
    const listed = [...readme.matchAll(/^\| `(dotdigital_signup_[a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(prometheus.sort());
  });
});
