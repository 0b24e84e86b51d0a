'use client';
import type { ButtonHTMLAttributes, InputHTMLAttributes } from 'react';

/**
 * shadcn/ui's `<Input>`: a styled `<input>`.
 *
 * @example
 * <Input type="email" {...field} />
 */
export function Input({ className = 'kit-input', ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={className} {...props} />;
}

/**
 * shadcn/ui's `<Button>`: a styled `<button>`; `variant="outline"` for a secondary action.
 *
 * @example
 * <Button type="submit">Subscribe</Button>
 */
export function Button({ variant = 'default', className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'default' | 'outline' }) {
  return <button className={className ?? `kit-button kit-button--${variant}`} {...props} />;
}
