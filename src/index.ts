'use client';
// The React entry, `dotdigital-signup`. A client module: Next.js and other server-component
// frameworks render it on the client, and it imports nothing that touches `window` at load.
export { SignupForm } from './react/signup-form.js';
export type { SignupFormProps } from './react/signup-form.js';
export { useSignupForm } from './react/use-signup-form.js';
export type { SignupErrorInfo, UseSignupFormOptions, UseSignupFormResult } from './react/use-signup-form.js';
export type { SignupSchema, SignupSchemaResult } from './react/signup-resolver.js';
// The form's building blocks, for your own markup around useSignupForm() (README, "Headless hook").
export { ConsentStatement } from './react/consent-statement.js';
export type { ConsentStatementProps } from './react/consent-statement.js';
export { DataField } from './react/data-field.js';
export type { DataFieldProps } from './react/data-field.js';
export { EmailField } from './react/email-field.js';
export type { EmailFieldProps } from './react/email-field.js';
export { ErrorSummary } from './react/error-summary.js';
export type { ErrorSummaryProps } from './react/error-summary.js';
export { HoneypotField } from './react/honeypot-field.js';
export { PreferenceFieldset } from './react/preference-fieldset.js';
export type { PreferenceFieldsetProps } from './react/preference-fieldset.js';
export { SignupStatusPanel } from './react/signup-status-panel.js';
export type { SignupStatusPanelProps } from './react/signup-status-panel.js';
export { issueTarget, signupFormIds } from './react/signup-form-ids.js';
export type { SignupFormIds } from './react/signup-form-ids.js';
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
export type { SignupResult } from './core/signup-controller.js';
export type { SignupFormState } from './core/signup-snapshot.js';
export { SignupError } from './core/signup-error.js';
export type { SignupFieldName, SignupFormValues } from './core/signup-form-schema.js';
export { definitionFailedMessage } from './core/signup-issue.js';
export type { SignupIssue } from './core/signup-issue.js';
// A page's outcome after a post without JavaScript, for `outcome` and `showResult` (also in core).
export { readSignupOutcome } from './core/read-signup-outcome.js';
export { signupOutcomeResult } from './core/signup-outcome.js';
export type { SignupOutcome } from './core/signup-outcome.js';
export type { SignupRequest } from './core/signup-request.js';
