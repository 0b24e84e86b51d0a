import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as shim from '../../src/embed/react-on-preact.js';

// The script tag runs react-hook-form and the widget on src/embed/react-on-preact.ts, not on React.
// A React member the shim lacks throws in the script tag only, at run time: these tests list what
// react-hook-form and the widget read from `react`, and hold the shim to it.
const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const manifest = JSON.parse(file('package.json')) as { devDependencies: Record<string, string>; peerDependencies: Record<string, string> };
const rhfManifest = JSON.parse(file('node_modules/react-hook-form/package.json')) as { version: string; exports: { '.': { import: string } } };
// What a browser bundler takes from react-hook-form: its ESM build (package.json#exports, `import`).
const rhf = file(`node_modules/react-hook-form/${rhfManifest.exports['.'].import}`);

/** Names imported from `react` in `source`: `import React from 'react'` counts as `default`. */
function reactImports(source: string): string[] {
  return [...source.matchAll(/^import (?!type\b)([^;]*?) from ['"]react['"]/gm)].flatMap(([, clause]) => {
    const named = /\{([^}]*)\}/.exec(clause!)?.[1] ?? '';
    const names = named.split(',').map((name) => name.trim()).filter((name) => name && !name.startsWith('type ')).map((name) => name.split(/\s+as\s+/)[0]!);
    return /^\s*\w+\s*(,|$)/.test(clause!) ? ['default', ...names] : names;
  });
}

describe('the script tag’s React (src/embed/react-on-preact.ts)', () => {
  it('has every React.* member react-hook-form reads, on its default export', () => {
    expect(reactImports(rhf), 'react-hook-form now imports more from react: give the shim each name').toEqual(['default']);
    const read = [...new Set([...rhf.matchAll(/\bReact\.(\w+)/g)].map((match) => match[1]!))].sort();
    expect(read.length).toBeGreaterThan(5); // the scan itself works
    const lacking = read.filter((name) => !(name in shim.default));
    expect(lacking, `react-hook-form ${rhfManifest.version} reads React.${lacking.join(', React.')}: add it to the shim's default export`).toEqual([]);
  });

  it('has every name the widget imports from react', () => {
    const sources = ['src/index.ts', ...['src/react', 'src/embed'].flatMap((dir) => readdirSync(new URL(`../../${dir}/`, import.meta.url)).map((name) => `${dir}/${name}`))];
    const named = [...new Set(sources.flatMap((path) => reactImports(file(path))))].sort();
    expect(named).toContain('useSyncExternalStore'); // the scan itself works
    expect(named.filter((name) => name === 'default' || !(name in shim)), 'add these to src/embed/react-on-preact.ts').toEqual([]);
  });

  it('is built with one exact react-hook-form version, so that a new one comes in only on purpose', () => {
    const pinned = manifest.devDependencies['react-hook-form'];
    const howTo =
      'To take another react-hook-form: set its exact version in package.json#devDependencies, `npm install`, run this test ' +
      '(it names any React member the new version reads that the shim lacks), `npm run build` and the script-tag browser tests ' +
      "(`npm run e2e`), and `npm run bench -- size`. Keep package.json#peerDependencies' range (what React apps bring) including it.";
    expect(pinned, howTo).toMatch(/^\d+\.\d+\.\d+$/);
    expect(rhfManifest.version, `node_modules has react-hook-form ${rhfManifest.version}, package.json pins ${pinned}: run \`npm install\`. ${howTo}`).toBe(pinned);
    const [major, minor] = pinned!.split('.').map(Number);
    const range = /^\^(\d+)\.(\d+)\.\d+$/.exec(manifest.peerDependencies['react-hook-form'] ?? '');
    expect(range, 'peerDependencies takes a caret range of react-hook-form').not.toBeNull();
    expect(Number(range![1]) === major && Number(range![2]) <= minor!, `${pinned} is outside the peer range ${manifest.peerDependencies['react-hook-form']}`).toBe(true);
  });
});
