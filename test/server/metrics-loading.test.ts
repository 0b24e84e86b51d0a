import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// Issue 23: the handler needs only the OpenTelemetry API (a no-op until an app registers an SDK);
// the SDK and the Prometheus exporter are loaded by serve and worker alone, when asked for, and
// nothing of OpenTelemetry reaches a browser bundle.
const src = new URL('../../src/', import.meta.url);
const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((path) => /\.tsx?$/.test(path));
const importsOf = (path: string) => [...readFileSync(new URL(path, src), 'utf8').matchAll(/(import\(|from )'(@opentelemetry\/[a-z-]+)'/g)].map((m) => `${m[1] === 'import(' ? 'dynamic' : 'static'} ${m[2]}`);

it('only listen-metrics.ts loads the OpenTelemetry SDK and exporter, and only on demand; the rest uses the API', () => {
  const found = Object.fromEntries(files.map((path) => [path, importsOf(path)]).filter(([, imports]) => imports!.length > 0));
  expect(found).toEqual({
    'server/shared/signup-metrics.ts': ['static @opentelemetry/api'],
    'server/queue/observe-queue.ts': ['static @opentelemetry/api'],
    'server/signup-handler-options.ts': ['static @opentelemetry/api'],
    'server/node/listen-metrics.ts': ['static @opentelemetry/api', 'dynamic @opentelemetry/exporter-prometheus', 'dynamic @opentelemetry/sdk-metrics'],
  });
});

it('puts nothing of OpenTelemetry in the script-tag bundle or the React demo\'s', () => {
  for (const bundle of ['dist/embed/dotdigital-signup.js', 'dist/demo-site/react-demo.js']) {
    expect(readFileSync(new URL(`../../${bundle}`, import.meta.url), 'utf8'), bundle).not.toMatch(/opentelemetry|otel_scope/i);
  }
});
