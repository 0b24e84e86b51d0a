import type { Redis } from 'ioredis';
import type { SignupLogger } from '../../shared/signup-logger.js';

/**
 * Logs a client's connection going and coming back, once each way (not each reconnect
 * attempt: while Redis is down that is every 2 s, which would bury the log).
 *
 * @example
 * const stop = reportConnection(redis, logger);
 * await redis.quit();
 * stop();
 */
export function reportConnection(redis: Redis, logger: Pick<SignupLogger, 'warn' | 'error'>): () => void {
  let up = redis.status === 'ready';
  let lostAt = 0;
  const onReady = () => {
    if (lostAt) logger.warn('Redis is reachable again', { downForMs: Date.now() - lostAt });
    [up, lostAt] = [true, 0];
  };
  const onClose = () => {
    if (!up) return;
    [up, lostAt] = [false, Date.now()];
    logger.error('Lost the connection to Redis (reconnecting): until it is back signups cannot be queued, the shared call budget is unknown and per-IP limits count per instance');
  };
  redis.on('ready', onReady).on('close', onClose);
  return () => void redis.off('ready', onReady).off('close', onClose);
}
