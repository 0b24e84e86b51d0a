export { createSignupHandler } from './create-signup-handler.js';
export type { SignupHandler, SignupRequestContext } from './create-signup-handler.js';
export type { AllowedField, SignupHandlerOptions, SignupLogger } from './signup-handler-options.js';
export { consentVersion } from './consent-version.js';
export { systemClock } from './signup-clock.js';
export type { SignupClock } from './signup-clock.js';
export type { RateLimit } from './rate-limiter.js';
export type { RetryPolicy } from './with-retry.js';
