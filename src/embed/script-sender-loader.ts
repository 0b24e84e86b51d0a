import integrity from 'virtual:dotdigital-signup/solver-integrity';
import type { ProofSource } from '../core/proof-source.js';
import { loadPinnedScript } from './load-pinned-script.js';

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
export const loadSolver = (): Promise<Solve> => loadPinnedScript<Solve>('dotdigital-signup.solver.js', integrity, (shelf) => shelf.solver);
