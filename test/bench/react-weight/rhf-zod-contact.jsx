// An app's own react-hook-form + zod form: the part of "an app that already has react-hook-form
// and zod" (rhf-zod-app.jsx) that the app with the signup form (rhf-zod-app-with-form.jsx) shares.
import { useForm } from 'react-hook-form';
import { z } from 'zod';

const schema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email(),
  age: z.number().int().positive().optional(),
  topics: z.array(z.enum(['news', 'offers'])),
  extra: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])),
});

export function Contact() {
  const form = useForm({ defaultValues: { name: '', email: '', topics: [], extra: {} } });
  return (
    <form onSubmit={form.handleSubmit((values) => console.log(schema.safeParse(values)))}>
      <input aria-label="Name" {...form.register('name')} />
      <input aria-label="Email" {...form.register('email')} />
      <button type="submit">Send</button>
    </form>
  );
}
