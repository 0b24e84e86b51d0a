/**
 * What the hosting adapter knows about the connection.
 *
 * @example
 * handler(request, { clientAddress: socket.remoteAddress });
 */
export interface SignupRequestContext {
  /** The peer address of the socket (the Node adapter fills it). */
  clientAddress?: string;
  /**
   * Whatever else a framework passes, ignored: Next.js route handlers get `{ params }`, and
   * `next build` refuses a handler whose context type has nothing in common with it.
   */
  [key: string]: unknown;
}
