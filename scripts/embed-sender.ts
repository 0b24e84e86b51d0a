import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildSideFile } from './build-side-file.js';

const SENDER = fileURLToPath(new URL('../src/core/signup-sender.ts', import.meta.url));
const SOLVER = fileURLToPath(new URL('../src/core/solve-challenge.ts', import.meta.url));
/** The virtual modules that give the script tag its submit file's hash, and the submit file its solver's (src/embed/language-integrity.d.ts). */
const SENDER_INTEGRITY = 'virtual:dotdigital-signup/sender-integrity';
const SOLVER_INTEGRITY = 'virtual:dotdigital-signup/solver-integrity';
/** The script tag's submit file, beside it. */
export const SENDER_FILE = 'dotdigital-signup.submit.js';
/** The script tag's proof-of-work solver, beside it. */
export const SOLVER_FILE = 'dotdigital-signup.solver.js';

/** A side file: its name, its code, its SRI hash. */
interface SideFile { fileName: string; code: string; integrity: string }

/**
 * Swaps `./${loader}.js`, imported by core, for the script tag's module that loads a pinned side
 * file instead (a single classic script cannot split a dynamic import off), and serves the
 * virtual module with that file's hash.
 */
function pinnedLoader(loader: string, replacement: string, integrityModule: string, integrity: () => Promise<string>): Plugin {
  const swapped = fileURLToPath(new URL(`../src/embed/${replacement}.ts`, import.meta.url));
  return {
    name: `embed-${loader}`,
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === integrityModule) return `\0${integrityModule}`;
      return id === `./${loader}.js` && /[\\/]core[\\/]/.test(importer ?? '') ? swapped : undefined;
    },
    async load(id) {
      return id === `\0${integrityModule}` ? `export default ${JSON.stringify(await integrity())};` : undefined;
    },
  };
}

/**
 * Builds the script tag's two side files for a submit, each a small classic script pinned by its
 * SHA-256 hash (like the language files, scripts/embed-languages.ts):
 * - `dotdigital-signup.solver.js`: the proof-of-work solver on `window.DotdigitalSignup.solver`,
 *   loaded only when the proxy asks a proof;
 * - `dotdigital-signup.submit.js`: what a submit needs (the request, the POST, a vendor's check) on
 *   `window.DotdigitalSignup.sender`, loaded once a form is shown; it pins the solver's hash.
 *
 * @example
 * const [solver, submit] = await buildEmbedSender();
 */
export async function buildEmbedSender(): Promise<[solver: SideFile, submit: SideFile]> {
  const solver = { fileName: SOLVER_FILE, ...(await buildSideFile('solver', `import { proofSource } from ${JSON.stringify(SOLVER)};\n(window.DotdigitalSignup ??= {}).solver = proofSource;`, SOLVER_FILE)) };
  const submit = {
    fileName: SENDER_FILE,
    ...(await buildSideFile('sender', `import * as sender from ${JSON.stringify(SENDER)};\n(window.DotdigitalSignup ??= {}).sender = sender;`, SENDER_FILE, [
      pinnedLoader('solver-loader', 'script-solver-loader', SOLVER_INTEGRITY, async () => solver.integrity),
    ])),
  };
  return [solver, submit];
}

/**
 * Writes the submit and solver files beside the script tag, and swaps core's sender loader for
 * one that loads the submit file, pinned by hash.
 *
 * @example
 * defineConfig({ plugins: [embedSender()] });
 */
export function embedSender(): Plugin {
  let files: ReturnType<typeof buildEmbedSender> | undefined;
  return {
    ...pinnedLoader('sender-loader', 'script-sender-loader', SENDER_INTEGRITY, async () => (await files!)[1].integrity),
    name: 'embed-sender',
    buildStart() {
      files = buildEmbedSender();
    },
    async generateBundle() {
      for (const { fileName, code } of await files!) this.emitFile({ type: 'asset', fileName, source: code });
    },
  };
}
