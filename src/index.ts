'use client';
export { SignupForm } from './react/signup-form.js';
export type { SignupFormProps } from './react/signup-form.js';
export { useSignupForm } from './react/use-signup-form.js';
export type { SignupFormState, SignupFormValues, UseSignupFormOptions, UseSignupFormResult } from './react/use-signup-form.js';
export { createSignupClient, englishMessages, SignupError } from './core/index.js';
export type { FormDefinition, SignupErrorCode, SignupMessages, SignupStatus } from './core/index.js';
