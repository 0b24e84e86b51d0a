import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// A consumer app's package-lock.json cut from the root's: each package the app needs, at the
// version (and integrity) the root's `npm ci` put in the npm cache. With it `npm ci --offline`
// installs the app from that cache alone. Without a lockfile npm would resolve the app's ranges,
// fetching each package's registry metadata, which `npm ci` does not cache, at test time.
interface LockEntry {
  version?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}
const root = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, LockEntry> };
const REGISTRY = (process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(/\/?$/, '/');
const workspaces = Object.keys(root.packages).filter((location) => location !== '' && !location.includes('node_modules/'));

/** Where Node would find `name` from a package at `from` in the root's tree (its walk up the node_modules folders). */
function locate(name: string, from: string): string | undefined {
  const parts = from === '' ? [] : from.split('/');
  for (let end = parts.length; end >= 0; end -= 1) {
    if (end > 0 && parts[end - 1] === 'node_modules') continue;
    const location = [...parts.slice(0, end), 'node_modules', name].join('/');
    if (root.packages[location]) return location;
  }
  return undefined;
}

/**
 * The lockfile for an app in `dir` whose package.json depends on `dependencies` (name → range) and
 * on the tarball as `file:${tarball}`. `from` is where the root's tree holds the app's packages:
 * `''` (the root's own), or a workspace such as `test/react-18` for that workspace's React 18.
 */
export function appLockfile(dir: string, tarball: string, dependencies: Record<string, string>, from = ''): object {
  const manifest = JSON.parse(readFileSync(join(new URL('../../', import.meta.url).pathname, 'package.json'), 'utf8')) as LockEntry & { name: string };
  const packages: Record<string, LockEntry> = {
    '': { name: 'consumer', dependencies: { ...dependencies, [manifest.name]: `file:${tarball}` } },
    [`node_modules/${manifest.name}`]: {
      version: manifest.version,
      resolved: `file:${relative(dir, tarball)}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      dependencies: manifest.dependencies,
      peerDependencies: manifest.peerDependencies,
      peerDependenciesMeta: manifest.peerDependenciesMeta,
    },
  };
  // The package's required peers too (react-hook-form): npm installs them with it.
  const peers = Object.keys(manifest.peerDependencies ?? {}).filter((peer) => !manifest.peerDependenciesMeta?.[peer]?.optional);
  const queue: Array<[name: string, parent: string, optional: boolean]> = Object.keys({ ...dependencies, ...manifest.dependencies }).concat(peers).map((name) => [name, from, false]);
  for (const [name, parent, optional] of queue) {
    const location = locate(name, parent);
    if (!location && optional) continue; // another platform's binary, say
    if (!location) throw new Error(`${name} is not in the root's package-lock.json: add it to the root's devDependencies so npm ci caches it`);
    const prefix = workspaces.find((workspace) => location.startsWith(`${workspace}/`));
    const at = prefix ? location.slice(prefix.length + 1) : location;
    if (packages[at]) {
      // The app's own choice (React 18, say) stands for the root's packages that want the root's version.
      if (packages[at]!.version !== root.packages[location]!.version && !(at === `node_modules/${name}` && name in dependencies)) throw new Error(`${at}: two versions wanted (${packages[at]!.version}, ${root.packages[location]!.version})`);
      continue;
    }
    const { dev: _dev, devOptional, ...entry } = root.packages[location]!;
    // The tarball's URL: without it npm asks the registry for the package's metadata to find it.
    const resolved = entry.resolved ?? `${REGISTRY}${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
    packages[at] = { ...entry, resolved, ...(devOptional ? { optional: true } : {}) };
    const required = Object.keys(entry.peerDependencies ?? {}).filter((peer) => !entry.peerDependenciesMeta?.[peer]?.optional);
    for (const next of [...Object.keys(entry.dependencies ?? {}), ...required]) queue.push([next, location, false]);
    for (const next of Object.keys(entry.optionalDependencies ?? {})) queue.push([next, location, true]);
  }
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
}
