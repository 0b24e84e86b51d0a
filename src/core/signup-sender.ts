// What a form needs only once the visitor acts on it, one chunk (the script tag's
// dotdigital-signup.submit.js) loaded when the form is shown, not with the page: the signup's
// request, the POST and its answer, and the proof of work (whose solver is a chunk of its own).
export { createSignupSender, type ProxyCall, type SignupSender } from './send-signup.js';
export { submitSignupValues, type SubmitContext } from './submit-signup-values.js';
// The solver itself, for measuring it (npm run bench -- human-check): the sender loads it when a proof is asked.
export { loadSolver } from './solver-loader.js';
