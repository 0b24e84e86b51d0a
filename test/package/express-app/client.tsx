// The page's script: hydrates the server's form with the definition the server rendered it from.
import { hydrateRoot } from 'react-dom/client';
import { SignupForm } from 'dotdigital-signup';

const definition = JSON.parse(document.getElementById('signup-definition')!.textContent!) ?? undefined;
hydrateRoot(document.getElementById('signup')!, <SignupForm endpoint="/api/signup" definition={definition} />);
