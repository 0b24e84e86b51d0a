import integrity from 'virtual:dotdigital-signup/solver-integrity';
import type { ProofSource } from '../core/proof-source.js';
import { loadPinnedScript } from './load-pinned-script.js';

type Solve = (endpoint: string, get: (url: string) => Promise<{ body: unknown }>) => ProofSource;

/**
 * The script tag's proof-of-work solver: `dotdigital-signup.solver.js` beside
 * `dotdigital-signup.js`, loaded with its integrity hash the first time a form needs a proof,
 * so pages whose proxy asks none (or a vendor's check) never load it (the sender keeps what it
 * loaded, and asks again after a failure). Swapped in for `core/solver-loader.ts` in the
 * submit file, which pins the hash (scripts/embed-sender.ts).
 *
 * @example
 * const proofs = (await loadSolver())('/api/signup', get);
 */
export const loadSolver = (): Promise<Solve> => loadPinnedScript<Solve>('dotdigital-signup.solver.js', integrity, (shelf) => shelf.solver);
