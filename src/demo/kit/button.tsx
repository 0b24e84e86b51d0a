'use client';
import type { ButtonHTMLAttributes } from 'react';

/**
 * shadcn/ui's `<Button>`: a styled `<button>`; `variant="outline"` for a secondary action.
 *
 * @example
 * <Button type="submit">Subscribe</Button>
 */
export function Button({ variant = 'default', className, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'default' | 'outline' }) {
  return <button className={className ?? `kit-button kit-button--${variant}`} {...props} />;
}
