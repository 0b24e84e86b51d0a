'use client';
// The React entry, `dotdigital-signup`. A client module: Next.js and other server-component
// frameworks render it on the client, and it imports nothing that touches `window` at load.
export { SignupForm } from './react/signup-form.js';
export type { SignupFormProps } from './react/signup-form.js';
export { useSignupForm } from './react/use-signup-form.js';
export type { SignupErrorInfo, SignupFormState, UseSignupFormOptions, UseSignupFormResult } from './react/use-signup-form.js';
export type { SignupFieldName, SignupFieldProps, SignupFormControl, SignupFormValues } from './react/use-signup-fields.js';
export type { SignupIssue } from './react/signup-issue.js';
export { signupFormStyles } from './react/signup-form-styles.js';
// Straight from each core module, not core/index.js: that one also builds the server's zod
// schemas, which a bundler may not drop from a browser bundle.
export { SIGNUP_ERROR_CODES } from './core/error-codes.js';
export type { SignupErrorCode } from './core/error-codes.js';
export type { FormDefinition } from './core/form-definition.js';
export { loadSignupMessages, SIGNUP_LOCALES } from './core/locales/load-signup-messages.js';
export type { SignupLocale } from './core/locales/load-signup-messages.js';
export { englishMessages } from './core/messages.js';
export type { SignupMessageOverrides, SignupMessages } from './core/messages.js';
export { createSignupClient } from './core/signup-client.js';
export type { SignupStatus } from './core/signup-client.js';
export { SignupError } from './core/signup-error.js';
export type { SignupRequest } from './core/signup-request.js';
