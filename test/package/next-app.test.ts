import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { installApp, launchChromium, listenPackedMock, packTarball, README_CONSENT, repo, run, SITE, siteContext, startServer, stopServers } from './packed-app.js';
import { signUpInBrowser, signUpWithoutScript, wholeFormWithoutScript } from './sign-up-in-browser.js';
import { checkCronSecretUnset, checkRedisComesBack, writeServerlessRecipe } from './serverless-recipe.js';
import { startRedisServer, type TestRedisServer } from '../support/redis-server.js';
import { mockOutage } from '../support/sign-up-over-http.js';

// A fresh Next.js App Router app with README's route and page, installed from the tarball, built
// with `next build` (Turbopack) and `next build --webpack` (each type-checks README's exports in
// its own way), served by `next start`, and used in Chromium: the whole form in the first HTML,
// a signup with JavaScript, and one without. The proxy talks to the tarball's mock over HTTP.
// The same app carries README's serverless recipe (Redis + cron, serverless-recipe.ts), built
// and started while its Redis is down.
const work = mkdtempSync(join(tmpdir(), 'dds-next-'));
const app = join(work, 'app');
const tested = (path: string) => readFileSync(join(repo, path), 'utf8');
let mock: Awaited<ReturnType<typeof listenPackedMock>>['mock'];
let env: Record<string, string>;
let redis: TestRedisServer;
const CRON_SECRET = 'cron-secret-of-the-next-app';

beforeAll(async () => {
  await installApp(app, await packTarball(work), ['next', 'react', 'react-dom', 'typescript', '@types/react', '@types/node']);
  let credentials: Record<string, string>;
  ({ mock, env: credentials } = await listenPackedMock(app));
  // NODE_ENV: Vitest's `test` would make `next` warn and build React's development code.
  redis = await startRedisServer();
  env = { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', SIGNUP_REDIS_URL: redis.url, ...credentials };
}, 240_000);
afterAll(async () => {
  await stopServers();
  await mock?.close();
  await redis?.close();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

/** The app as a user writes it from README: its route and page are the files README is tested against. */
function writeApp(dir: string): void {
  cpSync(new URL('./next-app/', import.meta.url), dir, { recursive: true });
  mkdirSync(join(dir, 'app/api/signup'), { recursive: true });
  mkdirSync(join(dir, 'app/newsletter'), { recursive: true });
  writeFileSync(join(dir, 'app/api/signup/route.ts'), tested('test/server/adapters/next-route.ts').replaceAll("from '../../../src/server/index.js'", "from 'dotdigital-signup/server'"));
  writeFileSync(join(dir, 'app/newsletter/page.tsx'), tested('test/react/readme/next-page.tsx').replace("from '../../server/adapters/next-route.js'", "from '../api/signup/route'"));
  writeServerlessRecipe(dir);
}

describe('the packed tarball in a fresh Next.js app (App Router)', () => {
  for (const bundler of ['turbopack', 'webpack'] as const) {
    it(`${bundler}: next build type-checks and builds README's route and page, and its serverless recipe with Redis down; they render and sign up in Chromium, with JavaScript and without`, async ({ expect }) => {
      const dir = join(app, bundler);
      writeApp(dir);
      const next = join(app, 'node_modules/.bin/next');
      await redis.stop(); // the serverless recipe builds and starts with its Redis down
      const started = performance.now();
      const { stdout } = await run(next, ['build', ...(bundler === 'webpack' ? ['--webpack'] : [])], { cwd: dir, env: { ...process.env, ...env }, timeout: 400_000 });
      console.info(`next build (${bundler}): ${((performance.now() - started) / 1000).toFixed(1)} s`);
      expect(stdout).toContain(bundler === 'webpack' ? '(webpack)' : '(Turbopack)');
      // Rendered per request: a page prerendered by `next build` would carry the definition of build time (or none).
      const prerendered = JSON.parse(readFileSync(join(dir, '.next/prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
      expect(Object.keys(prerendered.routes)).not.toContain('/newsletter');

      // Turbopack's server gets CRON_SECRET; webpack's runs without it, as a deploy that forgot it.
      const output: string[] = [];
      const base = await startServer(next, ['start', '--hostname', '127.0.0.1', '--port', '0'], { cwd: dir, env: { ...env, ...(bundler === 'turbopack' ? { CRON_SECRET } : {}) }, output });
      const outage = (state: 'on' | 'off') => mockOutage(env.DOTDIGITAL_API_URL!, state);
      if (bundler === 'turbopack') await checkRedisComesBack({ base, output, outage }, redis, CRON_SECRET, expect);
      else await checkCronSecretUnset({ base, output, outage }, expect);
      const browser = await launchChromium();
      try {
        await wholeFormWithoutScript(browser, base, expect);
        const email = `next-${bundler}@example.com`;
        await signUpInBrowser(browser, base, email, expect);
        const contact = mock.mock.store.contacts.get(email);
        expect(contact?.status).toBe('Subscribed');
        expect([...contact!.optedIn]).toEqual([2]);
        expect(contact!.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: README_CONSENT, URL: `${SITE}/newsletter`, IPADDRESS: '127.0.0.1', USERAGENT: expect.stringContaining('Chrome/') });

        const withoutScript = `next-${bundler}-no-js@example.com`;
        await signUpWithoutScript(browser, base, withoutScript, expect);
        expect(mock.mock.store.contacts.get(withoutScript)?.status).toBe('Subscribed');
        expect(mock.mock.store.contacts.get(withoutScript)!.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: README_CONSENT, URL: `${SITE}/newsletter` });
      } finally {
        await browser.close();
      }
    }, 600_000);
  }
});
