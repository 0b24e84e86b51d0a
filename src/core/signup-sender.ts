// What a form needs only once the visitor acts on it, one chunk (the script tag's
// dotdigital-signup.submit.js) loaded when the form is shown, not with the page: the signup's
// request, the POST and its answer, the proof of work (whose solver is a chunk of its own), and a
// vendor's check when the proxy names one (vendor-token.ts: the vendor's script loads only then).
export { createSignupSender, type ProxyCall, type SignupSender } from './send-signup.js';
export { submitSignupValues, type SubmitContext } from './submit-signup-values.js';
// The solver itself, for measuring it (npm run bench -- human-check): the sender loads it when a proof is asked.
export { loadSolver } from './solver-loader.js';
