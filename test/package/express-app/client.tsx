// The page's script: hydrates the server's form with the definition and the outcome (from the
// URL, as the server read it) the server rendered it from.
import { hydrateRoot } from 'react-dom/client';
import { SignupForm } from 'dotdigital-signup';
import { readSignupOutcome } from 'dotdigital-signup/core';

const definition = JSON.parse(document.getElementById('signup-definition')!.textContent!) ?? undefined;
hydrateRoot(document.getElementById('signup')!, <SignupForm id="newsletter" endpoint="/api/signup" definition={definition} outcome={readSignupOutcome(location.href)} />);
