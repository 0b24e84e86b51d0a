import type { UseFormRegister } from 'react-hook-form';
import type { SignupFormValues } from '../core/signup-form-schema.js';

/**
 * A field people never see and bots fill in: hidden (the `hidden` attribute, not a style: it
 * holds with `unstyled`, and a server-rendered `style` attribute is an inline style a strict CSP
 * refuses, which would show the field), from screen readers and the tab order, named so no
 * autofill heuristic matches, and flagged for the password managers that ignore
 * `autocomplete=off`. The proxy drops any signup that fills it.
 *
 * @example
 * <HoneypotField id={ids.honeypot} register={form.register} />
 */
export function HoneypotField({ id, register }: { id: string; register: UseFormRegister<SignupFormValues> }) {
  return (
    <div className="dd-signup__honeypot" aria-hidden="true" hidden>
      <label htmlFor={id}>Leave this field empty</label>
      <input
        id={id}
        type="text"
        tabIndex={-1}
        autoComplete="off"
        data-1p-ignore=""
        data-lpignore="true"
        data-bwignore=""
        data-form-type="other"
        {...register('honeypot')}
      />
    </div>
  );
}
