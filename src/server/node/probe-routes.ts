import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Readiness } from '../shared/check-readiness.js';

/** The two probe paths `serve` and `worker` answer before anything else. */
export const PROBE_PATHS = ['/healthz', '/readyz'] as const;

/**
 * Answers `GET`/`HEAD /healthz` (200 while the process runs) and `/readyz` (200 when
 * `readiness()` says the stores work, else 503 naming what is missing); `false` for any other
 * request, which the caller answers. Never cached. What Kubernetes probes and load balancers ask.
 *
 * @example
 * createServer((req, res) => answerProbe(req, res, () => handler.readiness()) || listener(req, res));
 */
export function answerProbe(req: IncomingMessage, res: ServerResponse, readiness: () => Promise<Readiness>): boolean {
  const path = (req.url ?? '').split('?')[0];
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !(PROBE_PATHS as readonly string[]).includes(path ?? '')) return false;
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  };
  if (path === '/healthz') send(200, { status: 'ok' });
  else {
    readiness().then(
      (found) => send(found.ready ? 200 : 503, found),
      (error: unknown) => send(503, { ready: false, checks: { readiness: { ok: false, problem: error instanceof Error ? error.message : String(error) } } }),
    );
  }
  return true;
}

/**
 * A server that answers only the probes (404 elsewhere): what `worker --port` listens with.
 *
 * @example
 * const { url, close } = await listenProbes(() => handler.readiness(), { port: 8080 });
 */
export async function listenProbes(readiness: () => Promise<Readiness>, listen: { port?: number; host?: string } = {}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (answerProbe(req, res, readiness)) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('The queue worker answers /healthz and /readyz only.\n');
  });
  return listenOn(server, listen);
}

/**
 * Listens on `port` (0: a free one) and says where, as a URL a person can open.
 *
 * @example
 * const { url } = await listenOn(createServer(listener), { port: 0, host: '127.0.0.1' });
 */
export async function listenOn(server: Server, listen: { port?: number; host?: string }): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, listen.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  const host = listen.host && listen.host !== '0.0.0.0' && listen.host !== '::' ? listen.host : 'localhost';
  const close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, server, close };
}
