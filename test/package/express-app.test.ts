import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { installApp, launchChromium, listenPackedMock, packTarball, README_CONSENT, repo, run, SITE, startServer, stopServers } from './packed-app.js';
import { signUpInBrowser, signUpWithoutScript, wholeFormWithoutScript } from './sign-up-in-browser.js';

// A fresh Express app from the tarball: README's Express layout with express.json() and
// express.urlencoded() before the signup route (the usual layout), a page server-rendered with
// react-dom/server and the handler's definition, type-checked and built with tsc, its browser
// script with Vite; then used in Chromium with JavaScript and without.
// Vitest's NODE_ENV=test would make Vite build React's development code; this file runs in its own worker.
process.env.NODE_ENV = 'production';
const work = mkdtempSync(join(tmpdir(), 'dds-express-'));
const app = join(work, 'app');
let mock: Awaited<ReturnType<typeof listenPackedMock>>['mock'];
let env: Record<string, string>;

beforeAll(async () => {
  await installApp(app, await packTarball(work), ['express', 'react', 'react-dom', 'typescript', '@types/express', '@types/react', '@types/react-dom', '@types/node']);
  ({ mock, env } = await listenPackedMock(app));
}, 240_000);
afterAll(async () => {
  await stopServers();
  await mock?.close();
  rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('the packed tarball in a fresh Express app', () => {
  it('body parsers before the route: tsc type-checks and builds it, the page has the whole form, and Chromium signs up with JavaScript and without', async ({ expect }) => {
    cpSync(new URL('./express-app/', import.meta.url), app, { recursive: true });
    const adapter = readFileSync(join(repo, 'test/server/adapters/express-app.ts'), 'utf8')
      .replaceAll("from '../../../src/server/index.js'", "from 'dotdigital-signup/server'")
      .replaceAll("from '../../../src/server/node/index.js'", "from 'dotdigital-signup/server/node'");
    writeFileSync(join(app, 'express-app.ts'), adapter);
    await run(join(app, 'node_modules/.bin/tsc'), ['-p', '.'], { cwd: app });
    await build({
      root: app,
      configFile: false,
      logLevel: 'error',
      mode: 'production',
      plugins: [react()],
      build: { outDir: join(app, 'dist/client'), rollupOptions: { input: join(app, 'client.tsx'), output: { entryFileNames: 'assets/[name].js' } } },
    });

    const base = await startServer(process.execPath, ['dist/server.js'], { cwd: app, env });
    const browser = await launchChromium();
    try {
      await wholeFormWithoutScript(browser, base, expect);
      await signUpInBrowser(browser, base, 'express@example.com', expect);
      const contact = mock.mock.store.contacts.get('express@example.com');
      expect(contact?.status).toBe('Subscribed');
      expect([...contact!.optedIn]).toEqual([2]);
      expect(contact!.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: README_CONSENT, URL: `${SITE}/newsletter`, IPADDRESS: '127.0.0.1', USERAGENT: expect.stringContaining('Chrome/') });

      // The browser's own urlencoded post, read by express.urlencoded() before the route.
      await signUpWithoutScript(browser, base, 'express-no-js@example.com', expect);
      expect(mock.mock.store.contacts.get('express-no-js@example.com')?.status).toBe('Subscribed');
      expect(mock.mock.store.contacts.get('express-no-js@example.com')!.consentRecords.at(-1)!.fields).toMatchObject({ TEXT: README_CONSENT, URL: `${SITE}/newsletter` });
    } finally {
      await browser.close();
    }
  }, 300_000);
});
