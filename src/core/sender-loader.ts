// A dynamic import, so a bundler puts what a submit needs in its own chunk, loaded when a form is
// shown. The script tag swaps this module for one that loads its own pinned file
// (src/embed/script-sender-loader.ts, scripts/embed-submit.ts).

/**
 * Loads the submitting half of the widget (signup-sender.ts).
 *
 * @example
 * const sender = (await loadSender()).createSignupSender('/api/signup', call);
 */
export const loadSender = (): Promise<typeof import('./signup-sender.js')> => import('./signup-sender.js');
