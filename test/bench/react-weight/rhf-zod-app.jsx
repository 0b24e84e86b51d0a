// An app that already has react-hook-form and zod (the form stack the package's users named):
// the baseline of "what does <SignupForm> add to an app with react-hook-form and zod".
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <h1>Contact</h1>
    <Contact />
  </StrictMode>,
);
