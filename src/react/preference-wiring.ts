import type { FormDefinition } from '../core/form-definition.js';
import { offeredPreferences } from '../core/offered-preferences.js';
import type { SignupFormValues } from '../core/signup-form-schema.js';

/**
 * True when the visitor ticked a preference that react-hook-form holds as not ticked: a box wired
 * so that its value cannot be read. The trap: a UI kit's checkbox that is a `<button>` (Radix,
 * shadcn/ui) given `form.register('preferences.p9')` has no `checked` for register() to read, so
 * every tick would be lost and the visitor opted out of what they chose. Such a form must not be
 * sent; the console says how to wire the box. Read from the form's own controls named
 * `preferences.p{id}`: register() names them so (a Radix checkbox passes the name to the hidden
 * `<input type="checkbox">` it keeps in step with its button); a `<FormField>` / `<Controller>`
 * box has no name, or agrees with react-hook-form.
 *
 * @example
 * if (tickLost(formElement, values, definition)) form.setError('preferences', { type: 'invalid_request', message });
 */
export function tickLost(formElement: HTMLFormElement | undefined, values: SignupFormValues, definition: FormDefinition): boolean {
  return offeredPreferences(definition).some(({ id }) => {
    const name = `preferences.p${id}`;
    const controls = [...(formElement?.querySelectorAll<HTMLInputElement>(`[name="${name}"]`) ?? [])];
    const lost = values.preferences?.[`p${id}`] !== true && controls.some((control) => (control.type === 'checkbox' ? control.checked : control.getAttribute('aria-checked') === 'true'));
    if (lost) console.error(`useSignupForm: ${name} is ticked but react-hook-form holds it unticked, so nothing was sent. Wire a <button> checkbox (Radix, shadcn/ui) through <FormField> or <Controller>, not register() (README, 'Headless hook').`);
    return lost;
  });
}
