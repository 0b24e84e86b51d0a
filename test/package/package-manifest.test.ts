import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What `npm publish` would ship, checked on `npm pack`'s real output (no network: publint
// lints the folder, attw reads the tarball).
const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as Record<string, unknown> & {
  peerDependencies: Record<string, string>;
  sideEffects: string[];
  exports: Record<string, { default: string } | string>;
};

let packDir: string;
let tarball: string;
let files: string[];

beforeAll(async () => {
  packDir = mkdtempSync(join(tmpdir(), 'dds-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: repo });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(packDir, packed!.filename);
  files = packed!.files.map((file) => file.path).sort();
}, 60_000);
afterAll(() => rmSync(packDir, { recursive: true, force: true }));

describe('the published package', () => {
  it('ships the entries, the script tag with its source map, README and LICENSE — and no demo, test or source', () => {
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/embed/dotdigital-signup.js', 'dist/embed/dotdigital-signup.js.map', 'dist/embed/dotdigital-signup.js.LICENSE.txt', ...['de', 'fr', 'es', 'nl'].map((language) => `dist/embed/dotdigital-signup.${language}.js`), 'dist/embed/module/dotdigital-signup.js', 'dist/embed/module/dotdigital-signup.js.LICENSE.txt', ...['de', 'fr', 'es', 'nl'].map((language) => `dist/embed/module/${language}.js`)]) {
      expect(files, needed).toContain(needed);
    }
    const unwanted = files.filter((path) => /^(src|test|e2e|public|\.ci)\/|^dist\/demo|\.tsx?$(?<!\.d\.ts)|\.tgz$/.test(path));
    expect(unwanted, 'narrow `files` in package.json').toEqual([]);
    expect(files.filter((path) => path.endsWith('.map')), 'only the script tag ships a source map').toEqual(['dist/embed/dotdigital-signup.js.map']);
  });

  it("carries the licenses of the code the script tag bundles", () => {
    const notices = readFileSync(join(repo, 'dist/embed/dotdigital-signup.js.LICENSE.txt'), 'utf8');
    for (const name of ['preact', 'react-hook-form', 'zod']) expect(notices).toMatch(new RegExp(`^${name}@\\d+\\.\\d+\\.\\d+ \\(MIT\\)$`, 'm'));
    expect(notices).toContain('Permission is hereby granted');
  });

  it('is clean for publint (strict)', async () => {
    const { stdout } = await run(bin('publint'), ['--strict'], { cwd: repo });
    expect(stdout).toContain('All good!');
  }, 60_000);

  it('is clean for @arethetypeswrong/cli (ESM-only package: node16 and bundler resolution)', async () => {
    // Exits non-zero on any problem in the profile's resolutions; node10 and require() from
    // CommonJS are out of scope for an ESM-only package (and the JSON lists them anyway).
    const result = await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { cwd: repo }).catch((error: { stdout: string; code: number }) => error);
    const report = JSON.parse(result.stdout) as { analysis: { problems: Array<{ resolutionKind?: string }> } };
    expect(report.analysis.problems.filter((problem) => !['node10', 'node16-cjs'].includes(problem.resolutionKind ?? ''))).toEqual([]);
    expect('code' in result ? result.code : 0).toBe(0);
  }, 60_000);

  it('exports the script tag as dotdigital-signup/embed, so servers and bundlers can find the file to serve', async () => {
    // Bundlers building for a browser take the module build (its languages are chunks they split); Node, the file to serve.
    expect(manifest.exports['./embed']).toEqual({ types: './dist/embed/dotdigital-signup.d.ts', browser: './dist/embed/module/dotdigital-signup.js', default: './dist/embed/dotdigital-signup.js' });
    expect(files).toContain('dist/embed/dotdigital-signup.d.ts');
    // Resolved by name as an installed package is (a package may import itself by its name).
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('dotdigital-signup/embed'))"], { cwd: repo });
    expect(fileURLToPath(stdout.trim())).toBe(join(repo, 'dist/embed/dotdigital-signup.js'));
  });

  it('takes React and React DOM 18 or 19 as optional peers (server and mock users need no React), and the app\'s react-hook-form', () => {
    // react-hook-form is a peer so that an app's UI kit (shadcn/ui's <Form>) and the widget share one copy;
    // npm installs it with the package. The script tag's own copy is the exact devDependency (test/embed/react-on-preact.test.ts).
    expect(manifest.peerDependencies).toEqual({ react: '^18 || ^19', 'react-dom': '^18 || ^19', 'react-hook-form': '^7.55.0' });
    expect(manifest.peerDependenciesMeta).toEqual({ react: { optional: true }, 'react-dom': { optional: true } });
    expect(Object.keys(manifest.dependencies as object)).not.toContain('react');
    expect(Object.keys(manifest.dependencies as object)).not.toContain('react-hook-form');
  });

  it("keeps 'use client' first in the built React entry", () => {
    // The package's only React import path is `dotdigital-signup` (exports blocks deep imports),
    // so this directive is the client boundary for Next.js and other RSC frameworks.
    const entry = (manifest.exports['.'] as { default: string }).default;
    expect(readFileSync(join(repo, entry), 'utf8').split('\n')[0]).toBe("'use client';");
  });

  it('has no side effects at import outside the script tag: importing every entry in Node leaves globals as they were', async () => {
    // Every entry but the script tag (./embed), whose whole job is its side effects, and which needs a browser.
    const entries = Object.entries(manifest.exports).filter(([subpath]) => subpath !== './embed').map(([, target]) => target).filter((target): target is { default: string } => typeof target === 'object');
    // Dependencies first: what they do at import (zod's global registry) is theirs, not ours.
    const script = `
      for (const dependency of ['zod/mini', 'react', 'hono', '@hono/node-server']) await import(dependency);
      const before = new Set(Object.getOwnPropertyNames(globalThis));
      ${entries.map((target) => `await import(${JSON.stringify(join(repo, target.default))});`).join('\n')}
      console.log(JSON.stringify(Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name))));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: repo });
    expect(JSON.parse(stdout)).toEqual([]);
  }, 60_000);

  it('lets bundlers drop unused entries and keep the script tag (package.json#sideEffects)', async () => {
    expect(manifest.sideEffects).toEqual(['./dist/embed/**', './dist/cli.js']);
    const entries = Object.entries(manifest.exports).filter(([subpath]) => subpath !== './package.json');
    const pure = entries.filter(([subpath]) => subpath !== './embed');
    const bundle = async (source: string) => {
      const entry = join(packDir, `entry-${Math.random().toString(36).slice(2)}.js`);
      writeFileSync(entry, source);
      const result = (await build({
        configFile: false,
        logLevel: 'silent',
        mode: 'production',
        // What a browser bundler resolves: the `browser` target where there is one (./embed's module build).
        resolve: { alias: entries.map(([subpath, target]) => ({ find: new RegExp(`^dotdigital-signup${subpath.slice(1)}$`), replacement: join(repo, (target as { browser?: string; default: string }).browser ?? (target as { default: string }).default) })) },
        build: {
          write: false,
          minify: false,
          lib: { entry, formats: ['es'], fileName: 'out' },
          rollupOptions: { external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('dotdigital-signup') },
        },
      })) as Rolldown.RolldownOutput[];
      return result[0]!.output.filter((chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
    };
    const unused = await bundle(pure.map(([subpath]) => `import 'dotdigital-signup${subpath.slice(1)}';`).join('\n'));
    // Only bare imports of third-party packages may remain (their side effects are theirs to declare).
    const leftover = unused.split('\n').filter((line) => line.trim() !== '' && !/^import ["'][^"']+["'];$/.test(line.trim()));
    expect(leftover, 'list a module with side effects in package.json#sideEffects').toEqual([]);
    const embed = await bundle(`import 'dotdigital-signup/embed';`);
    expect(embed.length, 'the script tag must never be tree-shaken away').toBeGreaterThan(50_000);
  }, 60_000);
});
