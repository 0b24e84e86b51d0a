export { createSignupHandler } from './create-signup-handler.js';
export type { SignupHandler, SignupRequestContext } from './create-signup-handler.js';
export type { AllowedField, SignupClock, SignupHandlerOptions, SignupLogger, UpstreamRetryOptions } from './signup-handler-options.js';
export { consentVersion } from './consent-version.js';
export { normalizeIp } from './client-ip.js';
