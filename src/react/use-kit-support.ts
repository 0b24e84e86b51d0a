'use client';
import { useMemo } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { SignupController } from '../core/signup-controller.js';
import type { SignupFormValues } from '../core/signup-form-schema.js';
import { guardPreferenceRegister } from './guard-preference-register.js';
import { useFormDefaults } from './use-form-defaults.js';

/** What {@link useKitSupport} adds around each submit. */
export interface KitSupport {
  beforeSubmit: () => void;
  afterSubmit: () => void;
}

/**
 * What a react-hook-form UI kit (shadcn/ui, …) needs from `useSignupForm()` beyond its own
 * markup's: every control given a value before it is drawn (a `<Controller>` checkbox gets
 * `false`, not `undefined`); a preference whose value is not `true` or `false` (a `register()`
 * on a control that is not a checkbox input) refused, with a console error saying how to wire it; and the proxy's verdict on a field set as that field's
 * react-hook-form error, where a kit's `<FormMessage>` shows it.
 *
 * @example
 * useSignupFormBase(options, useKitSupport);
 */
export function useKitSupport(form: UseFormReturn<SignupFormValues>, controller: SignupController): KitSupport {
  const unreadable = useMemo(() => guardPreferenceRegister(form), [form]);
  useFormDefaults(form, controller);
  return useMemo(() => ({
    beforeSubmit() {
      for (const name of unreadable()) form.setValue(name, null as never); // refused by the schema, loudly
      for (const [key, value] of Object.entries(form.getValues('preferences') ?? {})) {
        if (value === undefined || typeof value === 'boolean') continue;
        console.error(
          `useSignupForm: preferences.${key} holds ${JSON.stringify(value)}, not true or false, so the visitor's choice cannot be read. ` +
            "A checkbox that is a <button> (Radix, shadcn/ui) must be wired through <Controller> or <FormField>, not register() (see README, 'Headless hook').",
        );
      }
    },
    afterSubmit() {
      for (const issue of controller.getSnapshot().issues) {
        if (issue.field === 'email' || issue.field?.startsWith('fields.')) form.setError(issue.field as 'email', { type: issue.code, message: issue.message });
      }
    },
  }), [form, controller, unreadable]);
}
