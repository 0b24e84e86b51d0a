// app/newsletter/page.tsx: a Server Component, so the whole form is in the page's first HTML.
import { SignupForm } from 'dotdigital-signup';
import { GET as signupHandler } from '../../server/adapters/next-route.js';

export default async function NewsletterPage() {
  // The route's export is the handler: its definition without an HTTP round trip (cached).
  // If Dotdigital cannot be reached, render without it: the browser loads it then.
  const definition = await signupHandler.formDefinition().catch(() => undefined);
  return <SignupForm endpoint="/api/signup" definition={definition} />;
}

export const dynamic = 'force-dynamic'; // rendered per request: a page built once would keep the build's definition (or none)
