export { toNodeListener } from './to-node-listener.js';
export { listenSignup } from './listen-signup.js';
export { createNodeFetch } from './node-fetch.js';
export { DEFAULT_CONSENT_TEXT, optionsFromEnv } from './options-from-env.js';
