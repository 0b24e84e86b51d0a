import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

// The floor-plan test's tools, kept apart from its plan so it can prove them on a fake graph.

/** Each file → the files of the same tree it imports. */
export type ImportGraph = Map<string, string[]>;

/** Where a file stands: its area (one job of src, e.g. `mock`) and its room inside that area. */
export interface Place {
  area: string;
  room: string;
}

/** One area of the plan: the other areas it may import, and its rooms, lowest first. */
export interface AreaRules {
  mayImport: string[];
  rooms: string[];
}

/**
 * Every module a source names, as TypeScript's own scanner reads it: `import`, `import type`,
 * `export … from`, a bare `import '…'` and a dynamic `import('…')`; never one in a comment or a string.
 *
 * @example
 * importSpecifiers("export type { A } from './a.js';"); // ['./a.js']
 */
export function importSpecifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** The `.ts` and `.tsx` files under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/**
 * The import graph of the files under `root`, each import resolved as `tsc` resolves it (with
 * the tsconfig's `paths`, so the demo's `dotdigital-signup` and `@/components/ui/…` count).
 * Imports of packages are left out; `unresolved` lists the relative or self-named ones that
 * land on no file of the tree, so a reader that lost track cannot pass for a clean plan.
 */
export function importGraph(root: string, tsconfig: string): { graph: ImportGraph; unresolved: string[] } {
  const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
  // Parsed whole, not just its compilerOptions: only then are `paths` read from the tsconfig's folder.
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(tsconfig));
  const files = sourceFiles(root);
  const inTree = new Set(files);
  const unresolved: string[] = [];
  const graph: ImportGraph = new Map(
    files.map((file) => {
      const targets = importSpecifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const resolved = ts.resolveModuleName(specifier, file, options, ts.sys, undefined, undefined, ts.ModuleKind.ESNext).resolvedModule?.resolvedFileName;
        if (resolved && inTree.has(resolved)) return [resolved];
        const ours = specifier.startsWith('.') || specifier === 'dotdigital-signup' || specifier.startsWith('dotdigital-signup/') || specifier.startsWith('@/');
        if (ours) unresolved.push(`${relative(root, file)}: ${specifier}`);
        return [];
      });
      return [file, [...new Set(targets)]];
    }),
  );
  return { graph, unresolved };
}

/**
 * Every import cycle, each as the files around it with the first repeated at the end. A
 * type-only import counts: it ties the two files as much for a reader as for the compiler.
 *
 * @example
 * findCycles(new Map([['a', ['b']], ['b', ['a']]])); // [['a', 'b', 'a']]
 */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

/**
 * The imports that go the wrong way, as `importer → imported (why)`: into an area the
 * importer's area may not import, or up from a room to a higher one of the same area.
 * Files the plan cannot place are left to the test that every file has a room.
 *
 * @example
 * wrongWayImports(graph, placeOf, { core: { mayImport: [], rooms: ['.'] }, react: { mayImport: ['core'], rooms: ['.'] } });
 */
export function wrongWayImports(graph: ImportGraph, placeOf: (file: string) => Place | undefined, plan: Record<string, AreaRules>, name = (file: string) => file): string[] {
  return [...graph].flatMap(([file, targets]) => {
    const from = placeOf(file);
    const rules = from && plan[from.area];
    if (!from || !rules) return [];
    return targets.flatMap((target) => {
      const to = placeOf(target);
      if (!to) return [];
      const arrow = `${name(file)} → ${name(target)}`;
      if (to.area !== from.area) return rules.mayImport.includes(to.area) ? [] : [`${arrow} (${from.area} may not import ${to.area})`];
      return rules.rooms.indexOf(to.room) > rules.rooms.indexOf(from.room) ? [`${arrow} (${from.area}: room ${from.room} is below ${to.room})`] : [];
    });
  });
}
