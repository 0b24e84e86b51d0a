import type { ProofSource } from './proof-source.js';

// A dynamic import, so a bundler puts the solver (altcha-lib's loop and PBKDF2) in its own chunk
// and a page loads it only when a form needs a proof. The script tag swaps this module for one
// that loads its own pinned file (src/embed/script-solver-loader.ts, vite.config.ts).

/**
 * Loads the proof-of-work solver: what makes a {@link ProofSource}.
 *
 * @example
 * const proofs = (await loadSolver())('/api/signup', get);
 * const proof = await proofs.take();
 */
export const loadSolver = (): Promise<(endpoint: string, get: (url: string) => Promise<{ body: unknown }>) => ProofSource> =>
  import('./solve-challenge.js').then((m) => m.proofSource);
