// useSignupForm() on shadcn/ui's <Form> and <FormField>, with what react-hook-form's formState says
// after each submit in an <output>: the one source of truth a shadcn/ui page reads.
import { useSignupForm } from 'dotdigital-signup';
import { Button } from '@/components/ui/button';
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from '@/components/ui/form';
import { Input } from '@/components/ui/input';

export function FormStateSignup() {
  const { state, form, submit } = useSignupForm({ endpoint: '/api/signup' });
  const { isSubmitted, isSubmitSuccessful, errors } = form.formState;
  if (state === 'loading') return <p>Loading…</p>;
  return (
    <Form {...form}>
      <form onSubmit={submit} noValidate data-state={state}>
        <FormField control={form.control} name="email" render={({ field }) => (
          <FormItem>
            <FormLabel>Work email</FormLabel>
            <FormControl><Input type="email" {...field} /></FormControl>
            <FormMessage />
          </FormItem>
        )} />
        <Button type="submit">Sign up</Button>
        <output aria-label="formState">{JSON.stringify({ isSubmitted, isSubmitSuccessful, email: errors.email?.type ?? null, server: errors.root?.server?.type ?? null })}</output>
      </form>
    </Form>
  );
}
