import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { SignupFormValues } from '../core/signup-form-schema.js';

// One guard per form, whatever calls it again (StrictMode runs useMemo twice).
const guards = new WeakMap<object, () => Array<FieldPath<SignupFormValues>>>();

/**
 * Makes `form.register('preferences.pN')` on anything but an `<input type="checkbox">` fail
 * loudly at submit instead of sending the preference as "not ticked". The trap: a UI kit's
 * checkbox that is a `<button>` (Radix, shadcn/ui) has no `checked` for register() to read —
 * under React 19 the ref gets the button, under React 18 a function component drops the ref —
 * so every tick would be lost and the visitor opted out of what they chose. Such a field's
 * value is set to `null`, which the form's schema refuses with a message saying to use
 * `<Controller>` / `<FormField>`. Returns the names found unreadable.
 *
 * @example
 * const unreadable = guardPreferenceRegister(form); // once; then before each submit:
 * unreadable().forEach((name) => form.setValue(name, null as never));
 */
export function guardPreferenceRegister(form: UseFormReturn<SignupFormValues>): () => Array<FieldPath<SignupFormValues>> {
  const existing = guards.get(form);
  if (existing) return existing;
  const readable = new Map<FieldPath<SignupFormValues>, boolean>();
  const unreadable = () => [...readable].filter(([, ok]) => !ok).map(([name]) => name);
  guards.set(form, unreadable);
  const register = form.register;
  form.register = ((name, options) => {
    const props = register(name, options);
    if (!name.startsWith('preferences.')) return props;
    if (!readable.has(name)) readable.set(name, false);
    return {
      ...props,
      ref: (element: Element | null) => {
        props.ref(element);
        if (element) readable.set(name, element instanceof HTMLInputElement && element.type === 'checkbox');
      },
    };
  }) as typeof form.register;
  return unreadable;
}
