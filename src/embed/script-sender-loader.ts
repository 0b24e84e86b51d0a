import integrity from 'virtual:dotdigital-signup/sender-integrity';
import { loadPinnedScript } from './load-pinned-script.js';

type Sender = typeof import('../core/signup-sender.js');
let loading: Promise<Sender> | undefined;

/**
 * The script tag's submitting half: `dotdigital-signup.submit.js` beside `dotdigital-signup.js`
 * (the request, the POST, the proof-of-work solver), loaded with its integrity hash once, when
 * the first form is shown, and asked for again after a failure. Swapped in for
 * `core/sender-loader.ts` by the script-tag build (scripts/embed-sender.ts).
 *
 * @example
 * const sender = (await loadSender()).createSignupSender('/api/signup', call);
 */
export const loadSender = (): Promise<Sender> =>
  (loading ??= loadPinnedScript<Sender>('dotdigital-signup.submit.js', integrity, (shelf) => shelf.sender).catch((cause: unknown) => {
    loading = undefined;
    throw cause;
  }));
