'use client';
// The demo's UI kit, written the way shadcn/ui writes its <Form> (components/ui/form.tsx): the
// react-hook-form FormProvider, a FormField that is a <Controller> with its name in context,
// and FormItem / FormLabel / FormControl / FormMessage wiring ids and
// aria-* for the control. No Radix: FormControl passes its props to its one child.
import { cloneElement, createContext, useContext, useId, type HTMLAttributes, type LabelHTMLAttributes, type ReactElement } from 'react';
import { Controller, FormProvider, useFormContext, useFormState, type ControllerProps, type FieldPath, type FieldValues } from 'react-hook-form';

/** shadcn/ui's `<Form>`: react-hook-form's FormProvider, spread with `useForm()`'s result. */
export const Form = FormProvider;

const FieldContext = createContext<{ name: string }>({ name: '' });
const ItemContext = createContext<{ id: string }>({ id: '' });

/**
 * A `<Controller>` whose name the parts inside it know.
 *
 * @example
 * <FormField control={form.control} name="email" render={({ field }) => <FormItem>…</FormItem>} />
 */
export function FormField<V extends FieldValues, N extends FieldPath<V>>(props: ControllerProps<V, N>) {
  return (
    <FieldContext.Provider value={{ name: props.name }}>
      <Controller {...props} />
    </FieldContext.Provider>
  );
}

/** The ids and state of the field around the caller (shadcn/ui's `useFormField`). */
export function useFormField() {
  const { name } = useContext(FieldContext);
  const { id } = useContext(ItemContext);
  const { getFieldState } = useFormContext();
  const state = getFieldState(name, useFormState({ name }));
  return { name, controlId: id, messageId: `${id}-message`, ...state };
}

/**
 * One field: label, control, message. `id` becomes the control's id (an error summary links
 * to it); without one, it gets an id of its own.
 */
export function FormItem({ id, className = 'kit-item', ...props }: HTMLAttributes<HTMLDivElement> & { id?: string }) {
  const generated = useId();
  return (
    <ItemContext.Provider value={{ id: id ?? generated }}>
      <div className={className} {...props} />
    </ItemContext.Provider>
  );
}

/** The field's `<label>`, tied to its control. */
export function FormLabel({ className = 'kit-label', ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  const { controlId } = useFormField();
  return <label className={className} htmlFor={controlId} {...props} />;
}

/** Gives its one child the field's id, and `aria-describedby` / `aria-invalid` while it has an error. */
export function FormControl({ children }: { children: ReactElement<Record<string, unknown>> }) {
  const { controlId, messageId, error } = useFormField();
  return cloneElement(children, { id: controlId, 'aria-describedby': error ? messageId : undefined, 'aria-invalid': error ? true : undefined });
}

/** The field's error from react-hook-form (the resolver's message, in the form's language). */
export function FormMessage({ prefix }: { prefix?: string }) {
  const { messageId, error } = useFormField();
  if (!error?.message) return null;
  return (
    <p id={messageId} className="kit-message">
      {prefix ? <span className="kit-visually-hidden">{prefix} </span> : null}
      {error.message}
    </p>
  );
}
