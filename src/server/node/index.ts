export { toNodeListener } from './to-node-listener.js';
export { listenSignup } from './listen-signup.js';
export { DEFAULT_CONSENT_TEXT, optionsFromEnv } from './options-from-env.js';
