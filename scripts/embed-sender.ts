import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildSideFile } from './build-side-file.js';

const SENDER = fileURLToPath(new URL('../src/core/signup-sender.ts', import.meta.url));
/** The virtual module that gives the script tag its submit file's hash (src/embed/language-integrity.d.ts). */
const INTEGRITY_MODULE = 'virtual:dotdigital-signup/sender-integrity';
/** The script tag's submit file, beside it. */
export const SENDER_FILE = 'dotdigital-signup.submit.js';

/**
 * Builds `dotdigital-signup.submit.js`: a small classic script that puts what a submit needs
 * (the request, the POST, the proof-of-work solver) on `window.DotdigitalSignup.sender`, with
 * the SHA-256 hash the main bundle pins it with (like the language files, scripts/embed-languages.ts).
 * A single classic script cannot split, so the solver is in it, not a file of its own.
 *
 * @example
 * const { code, integrity } = await buildEmbedSender();
 */
export function buildEmbedSender(): Promise<{ code: string; integrity: string }> {
  return buildSideFile('sender', `import * as sender from ${JSON.stringify(SENDER)};\n(window.DotdigitalSignup ??= {}).sender = sender;`, SENDER_FILE);
}

/**
 * Writes the submit file beside the script tag, and swaps core's sender loader (a dynamic
 * import, which a single-file script cannot split) for one that loads that file, pinned by hash.
 *
 * @example
 * defineConfig({ plugins: [embedSender()] });
 */
export function embedSender(): Plugin {
  const loader = fileURLToPath(new URL('../src/embed/script-sender-loader.ts', import.meta.url));
  let file: Promise<{ code: string; integrity: string }> | undefined;
  return {
    name: 'embed-sender',
    enforce: 'pre',
    buildStart() {
      file = buildEmbedSender();
    },
    resolveId(id, importer) {
      if (id === INTEGRITY_MODULE) return `\0${INTEGRITY_MODULE}`;
      return id === './sender-loader.js' && /[\\/]core[\\/]/.test(importer ?? '') ? loader : undefined;
    },
    async load(id) {
      return id === `\0${INTEGRITY_MODULE}` ? `export default ${JSON.stringify((await file!).integrity)};` : undefined;
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: SENDER_FILE, source: (await file!).code });
    },
  };
}
