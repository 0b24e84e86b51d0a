import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Rolldown } from 'vite';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The size budgets of DESIGN.md's quality bars, in gzip bytes (KB = 1024): the size test and `npm run bench` read them here. */
export const SIZE_BUDGETS = { scriptTag: 36 * 1024, reactEntry: 30 * 1024, withFormStack: 14 * 1024 } as const;

/** The built script tag, relative to the repository. */
export const SCRIPT_TAG_PATH = 'dist/embed/dotdigital-signup.js';

/** Bytes of some code as shipped: raw, gzip (level 6, what servers and CDNs use by default) and brotli (level 11, static). */
export interface Sizes { raw: number; gzip: number; brotli: number }

/**
 * Sizes of a string or buffer.
 *
 * @example
 * sizesOf('const a = 1;').gzip;
 */
export function sizesOf(code: string | Uint8Array): Sizes {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 6 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * The built script tag's sizes (run `npm run build` first).
 *
 * @example
 * const { gzip } = scriptTagSizes();
 */
export function scriptTagSizes(): Sizes {
  return sizesOf(readFileSync(repo(SCRIPT_TAG_PATH)));
}

/** The built languages other than English, each a file beside the script tag and a chunk of its module build. */
export const EMBED_LANGUAGES = ['de', 'fr', 'es', 'nl'] as const;

/**
 * The sizes of what a form in another language loads, and of the module build bundlers take
 * (`import 'dotdigital-signup/embed'`): its entry and each language chunk (run `npm run build` first).
 *
 * @example
 * embedLanguageSizes().script.de.gzip; // dotdigital-signup.de.js
 */
export function embedLanguageSizes(): { script: Record<string, Sizes>; module: { entry: Sizes; chunks: Record<string, Sizes> } } {
  const read = (path: string) => sizesOf(readFileSync(repo(path)));
  return {
    script: Object.fromEntries(EMBED_LANGUAGES.map((language) => [language, read(`dist/embed/dotdigital-signup.${language}.js`)])),
    module: {
      entry: read('dist/embed/module/dotdigital-signup.js'),
      chunks: Object.fromEntries(EMBED_LANGUAGES.map((language) => [language, read(`dist/embed/module/${language}.js`)])),
    },
  };
}

/**
 * What weighs what in the script tag: the embed built again (same config, in memory) with each
 * dependency left out, so each figure is its marginal gzip cost in context.
 *
 * @example
 * const { parts } = await scriptTagComposition();
 */
export async function scriptTagComposition(): Promise<ReactEntryComposition> {
  const dependencies = ['preact', ...browserDependencies()];
  const full = (await embedSizes([])).gzip;
  const parts: Array<{ name: string; gzip: number }> = [];
  for (const name of dependencies) parts.push({ name: name === 'preact' ? 'preact (core and hooks, through src/embed/react-on-preact.ts)' : name, gzip: full - (await embedSizes([name])).gzip });
  parts.push({ name: 'dotdigital-signup (own code)', gzip: (await embedSizes(dependencies)).gzip });
  return { total: full, parts };
}

async function embedSizes(leaveOut: string[]): Promise<Sizes> {
  const result = await build({
    configFile: repo('vite.config.ts'),
    mode: 'embed',
    logLevel: 'silent',
    build: {
      write: false,
      emptyOutDir: false,
      rollupOptions: {
        external: (id: string) => leaveOut.some((name) => id === name || id.startsWith(`${name}/`)),
        output: { globals: (id: string) => `_${id.replace(/\W/g, '_')}` },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const code = outputs.flatMap((output) => output.output).filter((chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
  return sizesOf(code);
}

/** The packages a browser bundle of the widget can carry besides React: runtime dependencies and peers (the server's are left aside). */
function browserDependencies(): string[] {
  const { dependencies, peerDependencies } = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as Record<'dependencies' | 'peerDependencies', Record<string, string>>;
  return Object.keys({ ...dependencies, ...peerDependencies }).filter((name) => !['hono', '@hono/node-server', 'ipaddr.js', 'undici', 'ioredis', 'rate-limiter-flexible', 'react', 'react-dom'].includes(name));
}

/** A minimal Vite + React app built twice, without and with `<SignupForm>`. */
export interface ReactEntryWeight { without: Sizes; with: Sizes; added: Sizes }

/**
 * What `<SignupForm>` adds to a Vite React app that already has React: the same minimal app
 * built with Vite's defaults, without and with the form, `dotdigital-signup` resolved to the
 * built npm entry (dist/index.js) as an installed package would be. Counts the JavaScript the
 * page loads up front (entry + static imports), not chunks loaded later on demand.
 *
 * @example
 * const { added } = await reactEntryWeight();
 */
export async function reactEntryWeight(): Promise<ReactEntryWeight> {
  const [without, withForm] = await Promise.all([appSizes('without-form.jsx'), appSizes('with-form.jsx')]);
  const added = { raw: withForm.raw - without.raw, gzip: withForm.gzip - without.gzip, brotli: withForm.brotli - without.brotli };
  return { without, with: withForm, added };
}

/**
 * What `<SignupForm>` adds to an app that already has react-hook-form and zod (the form stack
 * its users named): such an app built without and with the form. react-hook-form and zod's
 * core are shared, so this is the widget's own code and the zod/mini parts the app lacked.
 *
 * @example
 * const { added } = await reactEntryWeightWithFormStack();
 */
export async function reactEntryWeightWithFormStack(): Promise<ReactEntryWeight> {
  const [without, withForm] = await Promise.all([appSizes('rhf-zod-app.jsx'), appSizes('rhf-zod-app-with-form.jsx')]);
  const added = { raw: withForm.raw - without.raw, gzip: withForm.gzip - without.gzip, brotli: withForm.brotli - without.brotli };
  return { without, with: withForm, added };
}

/** Gzip bytes each part of the React entry adds, measured by leaving it out of the build. */
export interface ReactEntryComposition { total: number; parts: Array<{ name: string; gzip: number }> }

/**
 * What weighs what in `<SignupForm>`'s added weight: the with-form app built again with
 * each dependency left out (external), so each figure is that dependency's marginal gzip
 * cost in context; "dotdigital-signup's own code" is what remains with all of them out.
 *
 * @example
 * const { parts } = await reactEntryComposition();
 */
export async function reactEntryComposition(): Promise<ReactEntryComposition> {
  const dependencies = browserDependencies();
  const baseline = (await appSizes('without-form.jsx')).gzip;
  const full = (await appSizes('with-form.jsx')).gzip;
  const parts: Array<{ name: string; gzip: number }> = [];
  for (const name of dependencies) parts.push({ name, gzip: full - (await appSizes('with-form.jsx', [name])).gzip });
  parts.push({ name: 'dotdigital-signup (own code)', gzip: (await appSizes('with-form.jsx', dependencies)).gzip - baseline });
  return { total: full - baseline, parts };
}

async function appSizes(entry: string, leaveOut: string[] = []): Promise<Sizes> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: repo('test/bench/react-weight'),
    // A user's production build, even when Vitest has set NODE_ENV=test.
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [react()],
    resolve: { alias: { 'dotdigital-signup': repo('dist/index.js') } },
    build: {
      write: false,
      rollupOptions: {
        input: repo(`test/bench/react-weight/${entry}`),
        external: (id: string) => leaveOut.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk');
  // What the page loads up front: the entry and what it imports statically. Chunks behind a
  // dynamic import() (a language loaded on demand) are not part of the app's initial weight.
  const initial = new Set<Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk | undefined) => {
    if (!chunk || initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) visit(chunks.find((other) => other.fileName === name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  const code = [...initial].map((chunk) => chunk.code).join('\n');
  if (code.includes('jsxDEV')) throw new Error(`${entry} was built in development mode: run with NODE_ENV unset or 'production'.`);
  return sizesOf(code);
}
