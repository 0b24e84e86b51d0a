export { toNodeListener } from './to-node-listener.js';
export { createNodeFetch } from './create-node-fetch.js';
export { listenSignup } from './listen-signup.js';
export { DEFAULT_CONSENT_TEXT, optionsFromEnv } from './options-from-env.js';
