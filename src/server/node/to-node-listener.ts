import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { SignupHandler } from '../create-signup-handler.js';

/**
 * Adapts the signup handler to Node's `http` request listener, passing the socket's
 * peer address through so the proxy can record IPADDRESS.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(createSignupHandler(options))).listen(3000);
 */
export function toNodeListener(handler: SignupHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return getRequestListener((request, env) => {
    const clientAddress = env.incoming.socket.remoteAddress;
    return handler(request, clientAddress === undefined ? {} : { clientAddress });
  });
}
