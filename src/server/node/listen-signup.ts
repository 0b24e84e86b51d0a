import { createServer, type Server } from 'node:http';
import { createSignupHandler } from '../create-signup-handler.js';
import type { SignupHandlerOptions } from '../signup-handler-options.js';
import { createNodeFetch } from './node-fetch.js';
import { toNodeListener } from './to-node-listener.js';

/**
 * Runs the proxy alone on a Node HTTP server, answering on every path. Calls to Dotdigital go
 * through {@link createNodeFetch} unless `options.fetch` says otherwise.
 *
 * @example
 * const { url } = await listenSignup(options, { port: 3000 });
 */
export async function listenSignup(
  options: SignupHandlerOptions,
  listen: { port?: number; host?: string } = {},
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(toNodeListener(createSignupHandler({ fetch: createNodeFetch(), ...options })));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, listen.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  return { url: `http://${listen.host ?? 'localhost'}:${port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}
