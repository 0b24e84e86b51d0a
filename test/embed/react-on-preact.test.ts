import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import ReactOnPreact from '../../src/embed/react-on-preact.js';

// The script tag gives `import React from 'react'` a trimmed default object. If a dependency
// starts calling a React member this object lacks, the script tag breaks at run time:
// this test names the member first.
const require = createRequire(import.meta.url);

function defaultImportUses(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const local = /import\s+(\w+)\s*(?:,\s*\{[^}]*\})?\s*from\s*['"]react['"]/.exec(source)?.[1];
  if (!local) return [];
  return [...new Set([...source.matchAll(new RegExp(`\\b${local}\\.(\\w+)`, 'g'))].map((match) => match[1]!))].sort();
}

describe('react-on-preact (the script tag’s `react`)', () => {
  it('has every React.* member react-hook-form calls', () => {
    const uses = defaultImportUses(require.resolve('react-hook-form').replace(/index\.cjs\.js$/, 'index.esm.mjs'));
    expect(uses.length).toBeGreaterThan(5);
    const missing = uses.filter((name) => !(name in ReactOnPreact));
    expect(missing, `add ${missing.join(', ')} to src/embed/react-on-preact.ts`).toEqual([]);
  });

  it('gives real preact hooks, not placeholders', () => {
    for (const [name, value] of Object.entries(ReactOnPreact)) {
      if (name === 'Fragment') continue;
      expect(typeof value, name).toBe('function');
    }
  });
});
