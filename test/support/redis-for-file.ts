import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type TestRedisServer } from './redis-server.js';

/**
 * A real `redis-server` for the calling test file: started before its tests and closed after
 * them, once every store the tests put in `open` is closed. Use `handle.server` inside tests and
 * hooks (it exists once the file's `beforeAll` has run).
 *
 * @example
 * const open: RedisStores[] = [];
 * const redis = redisServerForFile(open);
 * it('…', async () => open.push(createRedisStores({ redis: redis.server.url })));
 */
export function redisServerForFile(open: Array<{ close(): Promise<unknown> }>): { readonly server: TestRedisServer } {
  let server: TestRedisServer | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(open.map((stores) => stores.close()));
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('redis-server has not started yet: use it inside a test or a hook, not while the file loads');
      return server;
    },
  };
}
