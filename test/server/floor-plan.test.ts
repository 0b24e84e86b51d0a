import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

// The rooms of src/server, ground floor first. A module may import its own room and the rooms
// below it, never one above: so a change in a lower room cannot need one in a higher, and the
// import graph has no cycle between rooms. '.' is the handler itself, which puts the rooms together.
const ROOMS = ['shared', 'http', 'dotdigital', 'definition', 'queue', 'stores', 'signup', '.', 'node'];
const SERVER = resolve(__dirname, '../../src/server');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))).filter((target) => target.startsWith(SERVER));
}

const roomOf = (file: string) => {
  const [first, ...rest] = relative(SERVER, file).split('/');
  return rest.length === 0 ? '.' : first!;
};
const files = sources(SERVER);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

it('puts every file of src/server in a known room', () => {
  expect(files.map(roomOf).filter((room) => !ROOMS.includes(room))).toEqual([]);
});

it('imports only sideways or down between rooms', () => {
  const upward = [...graph].flatMap(([file, targets]) =>
    targets.filter((target) => ROOMS.indexOf(roomOf(target)) > ROOMS.indexOf(roomOf(file))).map((target) => `${relative(SERVER, file)} → ${relative(SERVER, target)}`),
  );
  expect(upward).toEqual([]);
});

it('has no import cycle', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SERVER, f)).join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  expect(cycles).toEqual([]);
});

it('finds the imports it checks (the test itself works)', () => {
  expect(graph.get(join(SERVER, 'index.ts'))?.length).toBeGreaterThan(3);
  expect(roomOf(join(SERVER, 'queue/signup-queue.ts'))).toBe('queue');
});
