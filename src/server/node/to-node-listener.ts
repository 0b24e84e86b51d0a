import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { SignupHandler } from '../create-signup-handler.js';
import { INTERNAL_ERROR } from '../dotdigital/failure-table.js';
import { errorResponse } from '../http/json-response.js';
import { handlerLogger } from '../shared/handler-logger.js';
import { consoleLogger } from '../shared/console-logger.js';
import { parsedBody } from './parsed-body.js';

/**
 * Adapts the signup handler to Node's `http` request listener (and so to Express), passing
 * the socket's peer address through so the proxy can record IPADDRESS. A body that middleware
 * such as `express.json()` or `express.urlencoded()` already read is taken from `req.body`;
 * one read away by anything else is refused with a message that says how to mount the route.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(createSignupHandler(options))).listen(3000);
 */
export function toNodeListener(handler: SignupHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let told = false;
  const logger = handlerLogger(handler, consoleLogger(console));
  return getRequestListener((request, env) => {
    const incoming = env.incoming as IncomingMessage & { rawBody?: Buffer };
    const parsed = parsedBody(incoming);
    if (parsed && 'refused' in parsed) {
      // Once per listener: the operator needs to see it, a busy route must not flood the log with it.
      // Through the handler's logger, so `logger: false` silences it like everything else.
      if (!told) logger?.error(parsed.refused);
      told = true;
      return errorResponse(INTERNAL_ERROR.status, INTERNAL_ERROR.code, parsed.refused, undefined, { 'cache-control': 'no-store' });
    }
    // @hono/node-server builds the Request's body from `rawBody` when there is one (as on Firebase).
    if (parsed) incoming.rawBody = parsed.bytes;
    const clientAddress = incoming.socket.remoteAddress;
    return handler(request, clientAddress === undefined ? {} : { clientAddress });
  });
}
