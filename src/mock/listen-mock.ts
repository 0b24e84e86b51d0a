import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createMockDotdigital, type MockDotdigital, type MockDotdigitalOptions } from './create-mock-dotdigital.js';

/**
 * Starts the mock on a Node HTTP server (loopback by default) and resolves once it listens.
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
  const server = createServer(getRequestListener((request) => mock.fetch(request)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host}:${port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, mock, server, close };
}
