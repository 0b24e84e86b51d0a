import { createServer, type Server } from 'node:http';
import { createSignupHandler } from '../create-signup-handler.js';
import { startQueueDelivery } from '../queue/start-queue-delivery.js';
import type { SignupHandlerOptions } from '../signup-handler-options.js';
import { createNodeFetch } from './create-node-fetch.js';
import { answerProbe, listenOn } from './probe-routes.js';
import { toNodeListener } from './to-node-listener.js';

/**
 * Runs the proxy alone on a Node HTTP server, answering on every path but the probes
 * (`GET /healthz`: the process runs; `GET /readyz`: `handler.readiness()`, 200 or 503), calling Dotdigital
 * through {@link createNodeFetch} unless `options.fetch` says otherwise. Keep-alive is
 * held a little longer than common load balancers' idle timeouts so they never reuse a
 * connection this server has just closed. A request must arrive whole within `requestTimeoutMs`
 * (default 30 s, Node's own default is 300 s) or it is answered 408, so clients sending a body
 * byte by byte cannot hold connections open. With a `queue` (or `stores.queue`), queued signups are delivered every
 * `deliverEveryMs` (default 30 s) until `close()`.
 *
 * @example
 * const { url, close } = await listenSignup(options, { port: 3000 });
 */
export async function listenSignup(
  options: SignupHandlerOptions,
  listen: { port?: number; host?: string; deliverEveryMs?: number; requestTimeoutMs?: number } = {},
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const handler = createSignupHandler({ ...options, fetch: options.fetch ?? createNodeFetch() });
  const requestTimeout = listen.requestTimeoutMs ?? 30_000;
  const listener = toNodeListener(handler);
  const readiness = () => handler.readiness();
  const server = createServer(
    // Node checks for late requests every connectionsCheckingInterval; keep that below the timeout.
    { keepAliveTimeout: 65_000, requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(30_000, Math.max(50, requestTimeout / 4)) },
    (req, res) => void (answerProbe(req, res, readiness) || listener(req, res)),
  );
  const stopDelivery = options.queue || options.stores?.queue ? startQueueDelivery(handler, { intervalMs: listen.deliverEveryMs ?? 30_000 }) : undefined;
  const listening = await listenOn(server, listen).catch(async (error: unknown) => {
    await stopDelivery?.();
    throw error;
  });
  const close = async () => {
    await listening.close();
    await stopDelivery?.();
  };
  return { url: listening.url, server, close };
}
