'use client';
import { useMemo, useRef } from 'react';

/** The values of one form: preferences as `p{id}` → ticked, data fields by name. */
export interface SignupFormValues {
  email: string;
  preferences: Record<string, boolean>;
  fields: Record<string, string | boolean>;
  honeypot: string;
}

/** A field of the form: `email`, `honeypot`, `preferences.p9`, `fields.FIRSTNAME`. */
export type SignupFieldName = 'email' | 'honeypot' | `preferences.p${number}` | `fields.${string}`;

/** What `register(name)` gives an input: spread it onto the element. */
export interface SignupFieldProps {
  name: string;
  ref: (element: HTMLInputElement | null) => void;
  defaultValue?: string;
  defaultChecked?: boolean;
}

/** The form's values, held by the inputs themselves (uncontrolled: typing never re-renders). */
export interface SignupFormControl {
  register: (name: SignupFieldName) => SignupFieldProps;
  getValues: () => SignupFormValues;
  setFocus: (name: SignupFieldName) => void;
}

type Raw = string | boolean;

/**
 * A few lines in place of a form library: each registered input is read when the form is
 * submitted. An input that unmounts keeps its value for when it comes back (a refreshed
 * definition re-renders the form). react-hook-form did this too, for 12 KB gzip — most of
 * the widget's size budget.
 *
 * @example
 * const form = useSignupFields({ email: 'ann@example.com' });
 * <input type="email" {...form.register('email')} />
 */
export function useSignupFields(defaults: { email?: string; fields?: Record<string, Raw> } = {}): SignupFormControl {
  const initial = useRef(defaults).current;
  return useMemo(() => {
    const elements = new Map<string, HTMLInputElement>();
    const saved = new Map<string, Raw>();
    const refs = new Map<string, SignupFieldProps['ref']>();
    const read = (element: HTMLInputElement): Raw => (element.type === 'checkbox' ? element.checked : element.value);
    const valueOf = (name: string): Raw | undefined => {
      const element = elements.get(name);
      if (element) return read(element);
      if (saved.has(name)) return saved.get(name);
      if (name === 'email') return initial.email;
      return name.startsWith('fields.') ? initial.fields?.[name.slice(7)] : undefined;
    };
    const refFor = (name: string) => {
      let ref = refs.get(name);
      if (!ref) {
        ref = (element) => {
          const previous = elements.get(name);
          if (previous && previous !== element) saved.set(name, read(previous));
          if (element) elements.set(name, element);
          else elements.delete(name);
        };
        refs.set(name, ref);
      }
      return ref;
    };
    return {
      register(name) {
        const value = valueOf(name);
        const props: SignupFieldProps = { name, ref: refFor(name) };
        if (typeof value === 'boolean') props.defaultChecked = value;
        else if (value !== undefined) props.defaultValue = value;
        return props;
      },
      getValues() {
        const values: SignupFormValues = { email: '', preferences: {}, fields: {}, honeypot: '' };
        for (const name of new Set([...saved.keys(), ...elements.keys(), 'email'])) {
          const value = valueOf(name);
          if (name === 'email' || name === 'honeypot') values[name] = typeof value === 'string' ? value : '';
          else if (name.startsWith('preferences.')) values.preferences[name.slice(12)] = value === true;
          else if (name.startsWith('fields.') && value !== undefined) values.fields[name.slice(7)] = value;
        }
        return values;
      },
      setFocus(name) {
        elements.get(name)?.focus();
      },
    };
  }, [initial]);
}
