// app/newsletter/page.tsx: a Server Component, so the whole form is in the page's first HTML.
import { SignupForm } from 'dotdigital-signup';
import { readSignupOutcome } from 'dotdigital-signup/core';
import { GET as signupHandler } from '../../server/adapters/next-route.js';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewsletterPage({ searchParams }: Props) {
  // The route's export is the handler: its definition without an HTTP round trip (cached).
  // If Dotdigital cannot be reached, render without it: the browser loads it then.
  const definition = await signupHandler.formDefinition().catch(() => undefined);
  // Posted before its script ran (or without JavaScript), the form comes back here with the outcome in the URL.
  const outcome = readSignupOutcome(await searchParams);
  return <SignupForm id="newsletter" endpoint="/api/signup" definition={definition} outcome={outcome} />;
}
