'use client';
import type { InputHTMLAttributes } from 'react';

/**
 * shadcn/ui's `<Input>`: a styled `<input>`.
 *
 * @example
 * <Input type="email" {...field} />
 */
export function Input({ className = 'kit-input', ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={className} {...props} />;
}
