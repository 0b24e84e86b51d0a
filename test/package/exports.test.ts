import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PINNED_EXPORTS as pinned } from '../support/pinned-exports.js';

// Each public entry's export list, pinned (react-hook-form's assert-esm-exports): adding or
// removing an export is a deliberate change to the package's API (test/support/pinned-exports.ts). Read from
// the built files `package.json#exports` points at, as an installed package would be.
const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: Record<string, string | { types: string; default: string }> };

describe('package exports', () => {
  it('has exactly the entries DESIGN.md names, each with its types first', () => {
    expect(Object.keys(manifest.exports)).toEqual(['.', './core', './server', './server/node', './server/redis', './mock', './embed', './package.json']);
    for (const subpath of Object.keys(pinned)) {
      const target = manifest.exports[subpath] as { types: string; default: string };
      expect(Object.keys(target), subpath).toEqual(['types', 'default']);
      expect(existsSync(fileURLToPath(new URL(target.types, root))), `${target.types} (run npm run build)`).toBe(true);
    }
  });

  for (const [subpath, names] of Object.entries(pinned)) {
    it(`dotdigital-signup${subpath.slice(1)} exports exactly its pinned names`, async () => {
      const target = manifest.exports[subpath] as { default: string };
      const entry = (await import(fileURLToPath(new URL(target.default, root)))) as Record<string, unknown>;
      expect(Object.keys(entry).sort(), `update the pinned list in test/package/exports.test.ts if ${subpath} changed on purpose`).toEqual(names);
    });
  }
});
