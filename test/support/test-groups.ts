/**
 * The Vitest files `npm run test:unit` leaves out: those that need `npm run build` first (they
 * read the built files), build an app (the packed tarball, Next.js, Express), drive a browser, or start
 * real processes (our CLI, `serve` and `worker`, a `redis-server`). `npm test` runs them with
 * the rest, each once, as the Vitest project `integration`; everything else is project `unit`
 * (and `react-18` for the component tests again on React 18). A folder ends with `/`.
 * test/test-groups.test.ts checks each file is where what it uses puts it.
 *
 * @example
 * // vite.config.ts
 * { test: { name: 'integration', include: INTEGRATION_TESTS.map(testGlob) } }
 */
export const INTEGRATION_TESTS = [
  // The package as published: the built files, the packed tarball, apps built from it, the CLI, sizes.
  'test/package/',
  // Real `serve` and `worker` processes around one redis-server.
  'test/e2e-processes/',
  'test/mock/mock-cli.test.ts',
  'test/server/no-credentials.test.ts',
  'test/server/serve-command.test.ts',
  'test/server/serve-faults.test.ts',
  'test/server/serve-redis.test.ts',
  'test/server/next-serverless-recipe.test.ts',
  'test/server/metrics-loading.test.ts', // loads the built entry points
  'test/server/operator-commands.test.ts', // the CLI's operator commands against a redis-server
  'test/server/readme-metrics.test.ts', // README's metrics snippet, a redis-server among its stores
  'test/server/queue/dead-letter-contract.test.ts', // the dead-letter contract, Redis's among them
  // The Redis stores, each against a redis-server of its own (the memory and file stores' tests are unit tests).
  'test/server/queue/bulk-redis.test.ts',
  'test/server/bots/redis-replay.test.ts', // the replay store and the no-JS budget shared through a redis-server
  'test/server/queue/lease-heartbeat.test.ts', // every queue's heartbeat, Redis's among them, in real time
  'test/server/stores/',
] as const;

/**
 * The Vitest glob of one {@link INTEGRATION_TESTS} entry: a folder's test files, or the file.
 *
 * @example
 * testGlob('test/package/'); // 'test/package/**\/*.test.{ts,tsx}'
 */
export function testGlob(entry: string): string {
  return entry.endsWith('/') ? `${entry}**/*.test.{ts,tsx}` : entry;
}

/**
 * Whether a test file (a path from the repository's root) is in the `integration` project.
 *
 * @example
 * isIntegrationTest('test/package/cli.test.ts'); // true
 */
export function isIntegrationTest(path: string): boolean {
  return INTEGRATION_TESTS.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));
}
