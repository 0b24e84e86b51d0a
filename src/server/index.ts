export { createSignupHandler } from './create-signup-handler.js';
export type { SignupHandler, SignupRequestContext } from './create-signup-handler.js';
export type { AllowedField, SignupHandlerOptions, SignupLogger } from './signup-handler-options.js';
export { consentVersion } from './consent-version.js';
