import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildSideFile } from './build-side-file.js';

const SOLVER = fileURLToPath(new URL('../src/core/solve-challenge.ts', import.meta.url));
/** The virtual module that gives the script tag its solver file's hash (src/embed/language-integrity.d.ts). */
const INTEGRITY_MODULE = 'virtual:dotdigital-signup/solver-integrity';
/** The script tag's solver file, beside it. */
export const SOLVER_FILE = 'dotdigital-signup.solver.js';

/**
 * Builds `dotdigital-signup.solver.js`: a small classic script that puts the proof-of-work
 * solver on `window.DotdigitalSignup.solver`, with the SHA-256 hash the main bundle pins it
 * with (like the language files, scripts/embed-languages.ts).
 *
 * @example
 * const { code, integrity } = await buildEmbedSolver();
 */
export function buildEmbedSolver(): Promise<{ code: string; integrity: string }> {
  return buildSideFile('solver', `import { proofSource } from ${JSON.stringify(SOLVER)};\n(window.DotdigitalSignup ??= {}).solver = proofSource;`, SOLVER_FILE);
}

/**
 * Writes the solver file beside the script tag, and swaps core's solver loader (a dynamic
 * import, which a single-file script cannot split) for one that loads that file, pinned by hash.
 *
 * @example
 * defineConfig({ plugins: [embedSolver()] });
 */
export function embedSolver(): Plugin {
  const loader = fileURLToPath(new URL('../src/embed/script-solver-loader.ts', import.meta.url));
  let file: Promise<{ code: string; integrity: string }> | undefined;
  return {
    name: 'embed-solver',
    enforce: 'pre',
    buildStart() {
      file = buildEmbedSolver();
    },
    resolveId(id, importer) {
      if (id === INTEGRITY_MODULE) return `\0${INTEGRITY_MODULE}`;
      return id === './solver-loader.js' && /[\\/]core[\\/]/.test(importer ?? '') ? loader : undefined;
    },
    async load(id) {
      return id === `\0${INTEGRITY_MODULE}` ? `export default ${JSON.stringify((await file!).integrity)};` : undefined;
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: SOLVER_FILE, source: (await file!).code });
    },
  };
}
