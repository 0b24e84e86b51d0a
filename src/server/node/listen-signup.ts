import { createServer, type Server } from 'node:http';
import { createSignupHandler } from '../create-signup-handler.js';
import { startQueueDelivery } from '../queue/start-queue-delivery.js';
import type { SignupHandlerOptions } from '../signup-handler-options.js';
import { createNodeFetch } from './create-node-fetch.js';
import { toNodeListener } from './to-node-listener.js';

/**
 * Runs the proxy alone on a Node HTTP server, answering on every path, calling Dotdigital
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
  const server = createServer(
    // Node checks for late requests every connectionsCheckingInterval; keep that below the timeout.
    { keepAliveTimeout: 65_000, requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(30_000, Math.max(50, requestTimeout / 4)) },
    toNodeListener(handler),
  );
  const stopDelivery = options.queue || options.stores?.queue ? startQueueDelivery(handler, { intervalMs: listen.deliverEveryMs ?? 30_000 }) : undefined;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, listen.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  const host = listen.host && listen.host !== '0.0.0.0' && listen.host !== '::' ? listen.host : 'localhost';
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await stopDelivery?.();
  };
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, server, close };
}
