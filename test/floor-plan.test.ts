import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph, importSpecifiers, wrongWayImports, type AreaRules, type Place } from './support/import-graph.js';

const SRC = resolve(__dirname, '../src');

/**
 * The floor plan of src. An area is one job with its own folder; it may import the areas on
 * its `mayImport` list and no other: `core ← react ← embed`, `core ← server ← node`, `mock`
 * alone, and the demo and the CLI, the entry points, on top of them all. Inside an area, a
 * module imports its own room and the rooms listed before it, never one after: so a change
 * in a lower room never needs one in a higher. A room is a subfolder, `.` (the files at the
 * area's root) or one root file named on its own (an `index.ts` that re-exports every room).
 * A new folder goes in this list, or the test fails and says so.
 */
const AREAS: Record<string, AreaRules & { folder?: string }> = {
  core: { folder: 'core', mayImport: [], rooms: ['.', 'locales', 'index.ts'] },
  react: { folder: 'react', mayImport: ['core'], rooms: ['.', 'entry'] },
  embed: { folder: 'embed', mayImport: ['core', 'react'], rooms: ['.'] },
  server: { folder: 'server', mayImport: ['core'], rooms: ['shared', 'http', 'bots', 'dotdigital', 'definition', 'queue', 'stores', 'signup', '.'] },
  node: { folder: 'server/node', mayImport: ['core', 'server'], rooms: ['.', 'commands'] },
  mock: { folder: 'mock', mayImport: [], rooms: ['account', 'wire', 'rules', 'pages', 'routes', '.', 'node', 'index.ts'] },
  demo: { folder: 'demo', mayImport: ['core', 'react', 'embed', 'server', 'node', 'mock'], rooms: ['lib', 'components', 'headless', '.'] },
  cli: { mayImport: ['core', 'server', 'node', 'mock'], rooms: ['entry'] },
};
// The files at the top of src: the React entry (`dotdigital-signup`) and the command line.
const TOP_FILES: Record<string, Place> = { 'index.ts': { area: 'react', room: 'entry' }, 'cli.ts': { area: 'cli', room: 'entry' } };

function placeOf(file: string): Place | undefined {
  const path = relative(SRC, file);
  if (TOP_FILES[path]) return TOP_FILES[path];
  // The deepest folder that holds it: server/node before server.
  const [area, folder] = Object.entries(AREAS)
    .map(([name, rules]) => [name, rules.folder] as const)
    .filter(([, folder]) => folder !== undefined && path.startsWith(`${folder}/`))
    .sort(([, a], [, b]) => b!.length - a!.length)[0] ?? [];
  if (!area || !folder) return undefined;
  const [first, ...rest] = path.slice(folder.length + 1).split('/');
  const room = rest.length > 0 ? first! : AREAS[area]!.rooms.includes(first!) ? first! : '.';
  return { area, room };
}

const { graph, unresolved } = importGraph(SRC, resolve(__dirname, '../tsconfig.json'));
const name = (file: string) => relative(SRC, file);

it('puts every file of src in a known area and room', () => {
  const unplaced = [...graph.keys()].filter((file) => {
    const place = placeOf(file);
    return !place || !AREAS[place.area]?.rooms.includes(place.room);
  });
  expect(unplaced.map(name), 'List a new top-level folder in AREAS of test/floor-plan.test.ts (with the areas it may import), a new subfolder in its area\'s rooms (lowest first).').toEqual([]);
});

it('resolves every import of our own code to a file of src', () => {
  expect(unresolved).toEqual([]);
});

it('imports only allowed areas, and only sideways or down between rooms', () => {
  expect(wrongWayImports(graph, placeOf, AREAS, name)).toEqual([]);
});

it('has no import cycle anywhere in src', () => {
  expect(findCycles(graph).map((cycle) => cycle.map(name).join(' → '))).toEqual([]);
});

describe('the checks themselves', () => {
  it('find every kind of import, and none in a comment or a string', () => {
    const source = [
      "import a from './a.js';", "import type { B } from './b.js';", "export { c } from './c.js';", "export * from './d.js';",
      "export type { E } from './e.js';", "const f = await import('./f.js');", "import './g.js';", "import {\n  h,\n  type H,\n} from './h.js';",
      "// import { x } from './comment.js';", "/** @example import { y } from './doc.js'; */", 'const s = "import { z } from \'./string.js\'";',
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js', './g.js', './h.js']);
  });

  it('find a cycle, and none in a graph without one', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('find an upward import and an import into an area not on the list', () => {
    const plan = { low: { mayImport: [], rooms: ['floor', 'roof'] }, high: { mayImport: ['low'], rooms: ['.'] } };
    const place = (file: string): Place => ({ area: file.split('/')[0]!, room: file.split('/')[1]! });
    const fake = new Map([
      ['low/floor/x', ['low/roof/y', 'high/./z']],
      ['low/roof/y', ['low/floor/x']],
      ['high/./z', ['low/roof/y']],
    ]);
    expect(wrongWayImports(fake, place, plan)).toEqual(['low/floor/x → low/roof/y (low: room floor is below roof)', 'low/floor/x → high/./z (low may not import high)']);
  });

  it('read the real tree: re-exports, type-only, dynamic and aliased imports, and places', () => {
    const targets = (file: string) => graph.get(join(SRC, file))?.map(name);
    expect(targets('mock/index.ts')).toEqual(expect.arrayContaining(['mock/create-mock-dotdigital.ts', 'mock/node/listen-mock.ts']));
    expect(targets('mock/rules/mock-faults.ts')).toContain('mock/account/mock-options.ts');
    expect(targets('server/node/queue-from-env.ts')).toContain('server/stores/redis/index.ts');
    expect(targets('demo/headless/newsletter-signup.tsx')).toEqual(expect.arrayContaining(['index.ts', 'demo/components/ui/button.tsx']));
    expect(targets('demo/components/ui/form.tsx')).toEqual(expect.arrayContaining(['demo/lib/utils.ts', 'demo/components/ui/label.tsx']));
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
    expect(placeOf(join(SRC, 'server/node/index.ts'))).toEqual({ area: 'node', room: '.' });
    expect(placeOf(join(SRC, 'server/stores/redis/index.ts'))).toEqual({ area: 'server', room: 'stores' });
    expect(placeOf(join(SRC, 'mock/index.ts'))).toEqual({ area: 'mock', room: 'index.ts' });
    expect(placeOf(join(SRC, 'mock/create-mock-dotdigital.ts'))).toEqual({ area: 'mock', room: '.' });
    expect(placeOf(join(SRC, 'new-folder/x.ts'))).toBeUndefined();
  });
});
