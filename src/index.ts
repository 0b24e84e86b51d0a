'use client';
// The React entry, `dotdigital-signup`. A client module: Next.js and other server-component
// frameworks render it on the client, and it imports nothing that touches `window` at load.
export { SignupForm } from './react/signup-form.js';
export type { SignupFormProps } from './react/signup-form.js';
export { useSignupForm } from './react/use-signup-form.js';
export type { SignupFormState, UseSignupFormOptions, UseSignupFormResult } from './react/use-signup-form.js';
export type { SignupFormValues } from './react/validate-signup-values.js';
export type { SignupIssue } from './react/signup-issue.js';
export { signupFormStyles } from './react/signup-form-styles.js';
export { createSignupClient, englishMessages, loadSignupMessages, SIGNUP_ERROR_CODES, SIGNUP_LOCALES, SignupError } from './core/index.js';
export type {
  FormDefinition,
  SignupErrorCode,
  SignupLocale,
  SignupMessageOverrides,
  SignupMessages,
  SignupRequest,
  SignupStatus,
} from './core/index.js';
