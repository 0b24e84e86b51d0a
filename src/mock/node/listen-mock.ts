import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { MockDotdigitalOptions } from '../account/mock-options.js';
import { createMockDotdigital, type MockDotdigital } from '../create-mock-dotdigital.js';
import { MockDroppedConnection } from '../wire/mock-api-error.js';

/**
 * Starts the mock on a Node HTTP server (loopback by default) and resolves once it listens.
 * A dropped-connection fault destroys the socket, so an HTTP client sees the connection reset.
 *
 * @example
 * const { url, mock, close } = await listenMock({ port: 4010 });
 * console.log(`Mock Dotdigital on ${url}`);
 */
export async function listenMock(
  options: MockDotdigitalOptions & { port?: number; host?: string } = {},
): Promise<{ url: string; mock: MockDotdigital; server: Server; close: () => Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const mock = createMockDotdigital(options);
  const listener = getRequestListener(async (request, env: { incoming: { socket: { destroy(): void } } }) => {
    try {
      return await mock.fetch(request);
    } catch (error) {
      if (!(error instanceof MockDroppedConnection)) throw error;
      env.incoming.socket.destroy();
      return new Response(null, { status: 500 });
    }
  });
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url, mock, server, close };
}
