import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Emits `<bundle>.LICENSE.txt` beside the script tag: the license of every npm package whose
 * code the bundle carries (preact, react-hook-form, zod…), as their MIT-style licenses ask.
 * A separate file, so the notices cost the script tag no bytes.
 *
 * @example
 * defineConfig({ plugins: [thirdPartyLicenses()] });
 */
export function thirdPartyLicenses(): Plugin {
  return {
    name: 'third-party-licenses',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const packages = new Map<string, string>();
        for (const id of chunk.moduleIds) {
          const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
          if (match) packages.set(match[1]!, match[1]!);
        }
        if (packages.size === 0) continue; // a chunk of our own code alone (a language) owes no notice
        const notices = [...packages.keys()].sort().map((dir) => {
          const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
          const file = readdirSync(dir).find((name) => /^licen[cs]e(\.(md|txt))?$/i.test(name));
          const text = file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${manifest.license ?? 'see package'}`;
          return `${manifest.name}@${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}`;
        });
        this.emitFile({
          type: 'asset',
          fileName: `${chunk.fileName}.LICENSE.txt`,
          source: `${chunk.fileName} bundles code from these packages:\n\n${notices.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
        });
      }
    },
  };
}
