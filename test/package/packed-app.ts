import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { appLockfile } from './app-lockfile.js';

// What the real-client tests (Next.js, Express) share: the `npm pack` tarball installed into a
// fresh app the way a user installs it, the app's server as a child process, and Chromium
// visiting the site at the origin README's recipes allow.
const execFileAsync = promisify(execFile);
/** Runs a command; when it fails, the error carries what it printed (tsc and next say why there). */
export async function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(command, args, { ...options, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}
export const repo = fileURLToPath(new URL('../../', import.meta.url));
/** README's recipes allow this origin; Chromium's requests to it are answered by the local app. */
export const SITE = 'https://www.example.com';
/** The consent text of README's recipes (the route, the Express adapter): what the consent record must carry. */
export const README_CONSENT = 'Yes, send me the monthly newsletter. I can unsubscribe at any time.';
const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Packs the package into `work` (the same files `npm publish` sends) and returns the tarball's path. */
export async function packTarball(work: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo });
  return join(work, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
}

/**
 * A fresh app in `dir` depending on the tarball and on `packages` at the versions the root's
 * lockfile holds (`from`: '' for the root's own, or a workspace such as `test/react-18`), installed
 * with `npm ci --offline`: from the npm cache the root's `npm ci` filled, so nothing downloads.
 */
export async function installApp(dir: string, tarball: string, packages: string[], from = ''): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const ranges: Record<string, string> = from === '' ? { ...root.dependencies, ...root.devDependencies } : (JSON.parse(readFileSync(join(repo, from, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  const dependencies = Object.fromEntries(packages.map((name) => [name, ranges[name] ?? '*']));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { ...dependencies, 'dotdigital-signup': `file:${tarball}` } }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(appLockfile(dir, tarball, dependencies, from), null, 2));
  try {
    await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir, timeout: 180_000 });
  } catch (error) {
    throw new Error(`Installing the test app from the npm cache failed: run \`npm ci\` in the repository first (it fills the cache).\n${String(error)}`);
  }
}

const children: ChildProcess[] = [];
/** Stops every server `startServer` started, and waits until they have exited. */
export async function stopServers(): Promise<void> {
  await Promise.all(children.splice(0).filter((child) => child.exitCode === null).map((child) => new Promise((resolve) => child.once('exit', resolve).kill())));
}

/** Runs an app's server and resolves its URL once it prints one (`http://…`); what it prints goes to `options.output` too. */
export function startServer(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; output?: string[] }): Promise<string> {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const url = /http:\/\/[\d.:]+/.exec(output)?.[0];
      if (url) resolve(url);
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk) => options.output?.push(String(chunk)));
    child.once('exit', () => reject(new Error(`the app's server exited: ${output}`)));
  });
}

/** Debian's Chromium, as the other browser tests run it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
}

/**
 * A browser context in which `SITE` is the app at `base`: Chromium loads `https://www.example.com/…`
 * (its origin, its Origin headers, its page URLs), and each request goes to the app unchanged.
 * Redirects reach the browser as they are, so a form post's `303` is followed by Chromium itself.
 */
export async function siteContext(browser: Browser, base: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; problems: string[]; requests: string[] }> {
  const context = await browser.newContext(options);
  const problems: string[] = [];
  const requests: string[] = [];
  await context.route(`${SITE}/**`, async (route) => {
    const url = new URL(route.request().url());
    requests.push(`${route.request().method()} ${url.pathname}${url.search}`);
    const response = await route.fetch({ url: `${base}${url.pathname}${url.search}`, maxRedirects: 0 });
    await route.fulfill({ response });
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
  });
  return { context, problems, requests };
}

type Mock = Awaited<ReturnType<typeof import('../../src/mock/index.js').listenMock>>;

/**
 * Starts the mock Dotdigital from the package installed in `app` (the tarball's, not the source),
 * and the environment README's recipes read its demo credentials and URL from.
 *
 * @example
 * ({ mock, env } = await listenPackedMock(app));
 */
export async function listenPackedMock(app: string): Promise<{ mock: Mock; env: Record<string, string> }> {
  const { listenMock, DEMO_API_USER, DEMO_API_PASSWORD } = (await import(pathToFileURL(join(app, 'node_modules/dotdigital-signup/dist/mock/index.js')).href)) as typeof import('../../src/mock/index.js');
  const mock = await listenMock();
  return { mock, env: { DOTDIGITAL_API_USER: DEMO_API_USER, DOTDIGITAL_API_PASSWORD: DEMO_API_PASSWORD, DOTDIGITAL_API_URL: mock.url } };
}
