import { consoleLogger } from '../shared/console-logger.js';
import { handlerLogger } from '../shared/handler-logger.js';
import type { SignupLogger } from '../shared/signup-logger.js';
import type { DeliverQueued } from './deliver-queued.js';

/**
 * For long-running servers: calls `handler.deliverQueued()` every `intervalMs` (default
 * 30 s), never two rounds at once, logging what each round did and any failure. Serverless
 * platforms have no process to keep a timer: call `deliverQueued()` from a scheduled job
 * instead. Returns `stop`, which waits for a round in progress. It logs through `logger`, else
 * the logger the handler was created with (so warnings and errors reach the console by default,
 * and a handler created with `logger: false` stays silent); `logger: false` silences it.
 *
 * @example
 * const handler = createSignupHandler({ ...options, queue: createMemorySignupQueue() });
 * const stop = startQueueDelivery(handler, { intervalMs: 15_000, logger: console });
 * process.once('SIGTERM', () => void stop());
 */
export function startQueueDelivery(handler: { deliverQueued: DeliverQueued }, options: { intervalMs?: number; logger?: SignupLogger | false } = {}): () => Promise<void> {
  const logger = options.logger === false ? undefined : (options.logger ?? handlerLogger(handler, consoleLogger(console)));
  const intervalMs = options.intervalMs ?? 30_000;
  if (!(Number.isFinite(intervalMs) && intervalMs >= 10)) throw new TypeError(`startQueueDelivery: intervalMs must be a number ≥ 10, not ${intervalMs}`);
  let running: Promise<void> | undefined;
  const round = () => {
    if (running) return;
    running = handler
      .deliverQueued()
      .then(
        (report) => {
          if (report.delivered + report.dropped > 0) logger?.info('Queued signups delivery round', { ...report });
        },
        (error: unknown) => logger?.error('Queued signups delivery round failed; it runs again next interval', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(round, intervalMs);
  // A timer alone should not keep a process alive that has nothing else to do.
  (timer as { unref?: () => void }).unref?.();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
