import type { ProofSource } from '../core/proof-source.js';
import { loadPinnedScript } from './load-pinned-script.js';

/** Set by the script-tag build (scripts/embed-solver.ts): the solver file's Subresource Integrity hash. */
declare const __DOTDIGITAL_SIGNUP_SOLVER__: string;

type Solve = (endpoint: string, get: (url: string) => Promise<{ body: unknown }>) => ProofSource;

/**
 * The script tag's proof-of-work solver: `dotdigital-signup.solver.js` beside
 * `dotdigital-signup.js`, loaded with its integrity hash the first time a form needs a proof,
 * so pages whose proxy asks none never load it (the client keeps what it loaded, and asks
 * again after a failure). Swapped in for `core/solver-loader.ts` by the script-tag build (vite.config.ts).
 *
 * @example
 * const proofs = (await loadSolver())('/api/signup', get);
 */
export const loadSolver = (): Promise<Solve> => loadPinnedScript<Solve>('dotdigital-signup.solver.js', __DOTDIGITAL_SIGNUP_SOLVER__, (shelf) => shelf.solver);
