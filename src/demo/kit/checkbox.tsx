'use client';
import type { ButtonHTMLAttributes } from 'react';

/** Props of {@link Checkbox}: Radix's `checked` / `onCheckedChange` API. */
export interface CheckboxProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onChange' | 'value'> {
  checked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
}

/**
 * A checkbox that is a `<button role="checkbox">`, as shadcn/ui's (Radix) is: Space or a
 * click toggles it; it has no `value` an input-reading form library could read, so it is wired
 * through `<FormField>` / `<Controller>`, never `register()`.
 *
 * @example
 * <Checkbox checked={field.value} onCheckedChange={field.onChange} />
 */
export function Checkbox({ checked = false, onCheckedChange, className = 'kit-checkbox', ...props }: CheckboxProps) {
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={checked}
      data-state={checked ? 'checked' : 'unchecked'}
      className={className}
      onClick={() => onCheckedChange?.(!checked)}
      {...props}
    >
      <span className="kit-checkbox-tick" aria-hidden="true" />
    </button>
  );
}
