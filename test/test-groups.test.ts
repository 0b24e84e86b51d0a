import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, importSpecifiers } from './support/import-graph.js';
import { INTEGRATION_TESTS, isIntegrationTest } from './support/test-groups.js';

// `npm run test:unit` must stay fast and need nothing but `npm ci`: no build, no browser, no
// process of its own. What a test file uses (with every file of test/ it imports) puts it in
// the `unit` or the `integration` project, so a new test cannot land in the wrong one unseen.
const REPO = resolve(__dirname, '..');
const TEST = resolve(REPO, 'test');
// The package as published (its tests read dist/, pack the tarball, build apps from it) is integration as a whole.
const PACKAGE_FOLDER = 'test/package/';

/** Why a file needs the integration project, by what its source says: nothing when it is a unit test. */
function needs(source: string): string[] {
  const reasons: string[] = [];
  if (/\bdist\//.test(source)) reasons.push('reads dist/ (needs `npm run build`)');
  const processes = /import\s*\{([^}]*)\}\s*from\s*'node:child_process'/.exec(source)?.[1];
  // spawnSync is left out on purpose: a unit test may run `node -e 0` for a pid that is surely gone.
  if (processes && /\b(spawn|fork|exec|execFile|execSync|execFileSync)\b/.test(processes)) reasons.push('starts processes');
  const packages = importSpecifiers(source);
  if (packages.includes('vite')) reasons.push('builds with Vite');
  if (packages.some((name) => /^(@playwright\/test|playwright(-core)?)$/.test(name))) reasons.push('drives a browser');
  return reasons;
}

function testFiles() {
  const { graph } = importGraph(TEST, resolve(REPO, 'tsconfig.json'));
  return [...graph.keys()]
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => {
      const reached = new Set<string>();
      const stack = [file];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (reached.has(next)) continue;
        reached.add(next);
        stack.push(...(graph.get(next) ?? []));
      }
      // This file's own examples of each need are no need of it.
      const why = [...reached].filter((used) => used !== __filename).flatMap((used) => needs(readFileSync(used, 'utf8')).map((reason) => `${relative(TEST, used)} ${reason}`));
      return { path: relative(REPO, file).replaceAll('\\', '/'), why };
    });
}

describe('test groups: unit and integration', () => {
  it('tells a test that needs a build, a browser or a process from one that needs none', () => {
    expect(needs("const cli = new URL('../../dist/cli.js', import.meta.url);")).toEqual(['reads dist/ (needs `npm run build`)']);
    expect(needs("import { spawn, type ChildProcess } from 'node:child_process';")).toEqual(['starts processes']);
    expect(needs("import { spawnSync } from 'node:child_process';")).toEqual([]);
    expect(needs("import { chromium } from '@playwright/test';\nimport { build } from 'vite';")).toEqual(['builds with Vite', 'drives a browser']);
    expect(needs("import { render } from '@testing-library/react';\nconst m = /x/.exec(text);")).toEqual([]);
  });

  it('every entry of INTEGRATION_TESTS names test files that exist', () => {
    const paths = testFiles().map((file) => file.path);
    for (const entry of INTEGRATION_TESTS) {
      expect(entry.endsWith('/') ? paths.some((path) => path.startsWith(entry)) : existsSync(resolve(REPO, entry)), entry).toBe(true);
    }
  });

  it('a unit test needs no build, browser or process; an integration test outside the package folder needs one', () => {
    const files = testFiles();
    expect(files.length).toBeGreaterThan(100);
    const misplaced = files.flatMap(({ path, why }) => {
      if (!isIntegrationTest(path)) return why.length > 0 ? [`${path} is a unit test but ${why.join('; ')}: add it to INTEGRATION_TESTS (test/support/test-groups.ts)`] : [];
      if (path.startsWith(PACKAGE_FOLDER) || why.length > 0) return [];
      return [`${path} needs no build, browser or process: take it out of INTEGRATION_TESTS so \`npm run test:unit\` runs it`];
    });
    expect(misplaced).toEqual([]);
  });
});
