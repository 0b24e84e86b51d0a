// The React demo pages' bundle: what a React marketing site does with the npm package.
// Every element with `data-signup-form` gets a form; `data-locale` and `data-class` set
// its language and extra class, so one bundle serves the plain, dark and languages pages.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignupForm } from '../index.js';

for (const element of document.querySelectorAll<HTMLElement>('[data-signup-form]')) {
  const { endpoint = '/api/signup', locale, class: className } = element.dataset;
  createRoot(element).render(
    <StrictMode>
      <SignupForm endpoint={endpoint} locale={locale} className={className} />
    </StrictMode>,
  );
}
