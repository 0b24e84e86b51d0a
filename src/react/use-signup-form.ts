'use client';
import { tickLost } from './preference-wiring.js';
import { useFormDefaults } from './use-form-defaults.js';
import type { UseSignupFormOptions, UseSignupFormResult } from './use-signup-form-options.js';
import { useSignupFormState } from './use-signup-form-state.js';

export type { SignupErrorInfo, UseSignupFormOptions, UseSignupFormResult } from './use-signup-form-options.js';

/**
 * The headless signup form. react-hook-form holds the values, the errors and the submit state:
 * its resolver checks them once per submit with the proxy's own zod schemas (and your `schema`),
 * and the proxy's answer goes in through `setError` (form-level ones on `root.server`). The
 * framework-free signup controller (core) loads the definition and sends the consent record.
 * Bring your own markup or UI kit: for its controls, every field has a value before it is drawn
 * (a `<Controller>` checkbox gets `false`, not `undefined`), and a submit whose ticked box
 * react-hook-form cannot read (a `<button>` checkbox given `register()`) is stopped, with a console
 * error saying how to wire it.
 *
 * @example
 * const { state, definition, form, submit, issues } = useSignupForm({ endpoint: '/api/signup' });
 * return <form onSubmit={submit} data-state={state} noValidate><input type="email" {...form.register('email')} /></form>;
 */
export function useSignupForm(options: UseSignupFormOptions): UseSignupFormResult {
  const [signup, controller] = useSignupFormState(options, tickLost);
  useFormDefaults(signup.form, controller);
  return signup;
}
