import type { SignupLogger } from './signup-logger.js';

// The logger a handler was created with (its `logger` option, the console logger by default, or
// none for `logger: false`), for the helpers that take the handler and log on its behalf:
// startQueueDelivery and toNodeListener. Kept beside the handler rather than on its public type,
// so a site that silenced the handler silences them too without passing the option twice.
const loggers = new WeakMap<object, SignupLogger | undefined>();

/**
 * Records the logger `handler` was created with (createSignupHandler calls this).
 *
 * @example
 * rememberHandlerLogger(handler, engine.logger);
 */
export function rememberHandlerLogger(handler: object, logger: SignupLogger | undefined): void {
  loggers.set(handler, logger);
}

/**
 * The logger `handler` was created with: `undefined` when it was created with `logger: false`,
 * and `fallback` for an object createSignupHandler did not make (a test double, say).
 *
 * @example
 * handlerLogger(handler, consoleLogger(console))?.error('…');
 */
export function handlerLogger(handler: object, fallback: SignupLogger | undefined): SignupLogger | undefined {
  return loggers.has(handler) ? loggers.get(handler) : fallback;
}
