import { createServer } from 'node:http';
import type { MeterProvider } from '@opentelemetry/api';
import { listenOn } from './probe-routes.js';

/**
 * Serves metrics as Prometheus text at `GET /metrics` on a port of their own (what `serve` and
 * `worker` do when `SIGNUP_METRICS_PORT` is set), through the OpenTelemetry SDK and its
 * Prometheus exporter. They are loaded here and only here, so neither the handler nor a proxy
 * without metrics ever loads them. Pass `meterProvider` to `createSignupHandler`.
 *
 * @example
 * const metrics = await listenMetrics({ port: 9464 });
 * const handler = createSignupHandler({ ...options, meterProvider: metrics.meterProvider });
 */
export async function listenMetrics(listen: { port?: number; host?: string }): Promise<{ url: string; meterProvider: MeterProvider; close(): Promise<void> }> {
  const [{ PrometheusExporter }, { MeterProvider: SdkMeterProvider }] = await Promise.all([import('@opentelemetry/exporter-prometheus'), import('@opentelemetry/sdk-metrics')]);
  const exporter = new PrometheusExporter({ preventServerStart: true });
  const meterProvider = new SdkMeterProvider({ readers: [exporter] });
  const server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/metrics') return exporter.getMetricsRequestHandler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('The metrics are at /metrics.\n');
  });
  const listening = await listenOn(server, listen).catch(async (error: unknown) => {
    await meterProvider.shutdown();
    throw error;
  });
  return {
    url: `${listening.url}/metrics`,
    meterProvider,
    close: async () => {
      await listening.close();
      await meterProvider.shutdown();
    },
  };
}
