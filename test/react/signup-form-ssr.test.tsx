// @vitest-environment node
import { readFileSync } from 'node:fs';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { englishMessages as serverEnglish, loadSignupMessages as serverLoad, SIGNUP_LOCALES as serverLocales } from '../../src/core/index.js';
import { loadSignupMessages, SignupForm } from '../../src/index.js';
import { DEFINITION } from '../support/widget-fixture.js';

// No DOM here: anything that touched `window` or `document` while importing or rendering
// would throw a ReferenceError.
describe('<SignupForm> on the server', () => {
  it('renders the loading placeholder with renderToString, without a DOM', () => {
    expect(typeof window).toBe('undefined');
    const fetch = vi.fn<typeof globalThis.fetch>();
    const errors = vi.spyOn(console, 'error');
    const html = renderToString(
      <StrictMode>
        <SignupForm endpoint="/api/signup" fetch={fetch} className="brand" />
      </StrictMode>,
    );
    // React 19 hoists the stylesheet to the start of the output (src/react/signup-form-style.tsx).
    expect(html).toMatch(/^(<style[^>]*>[^<]*<\/style>)?<div class="dd-signup brand" data-state="loading" lang="en" dir="ltr">/);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading the signup form…');
    expect(html).toMatch(/<style[ >]/);
    expect(html).toContain('[tabindex="-1"]'); // CSS as it is, quotes not escaped
    expect(html).toContain('role="status"');
    expect(fetch).not.toHaveBeenCalled(); // effects never run on the server
    expect(errors).not.toHaveBeenCalled();
  });

  it('renders a language loaded beforehand', async () => {
    await loadSignupMessages('de');
    const html = renderToString(<SignupForm endpoint="/api/signup" locale="de-AT" />);
    expect(html).toContain('lang="de"');
    expect(html).toContain('Anmeldeformular wird geladen …');
  });

  it('renders the whole form when given its definition: fields, every preference, the consent, the button', () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const errors = vi.spyOn(console, 'error');
    const definition = { ...DEFINITION, fields: [{ name: 'FIRSTNAME', label: 'First name', type: 'String' as const, required: true }] };
    const html = renderToString(
      <StrictMode>
        <SignupForm endpoint="/api/signup" definition={definition} fetch={fetch} />
      </StrictMode>,
    );
    expect(html).toMatch(/^(<style[^>]*>[^<]*<\/style>)?<div class="dd-signup" data-state="ready" lang="en" dir="ltr">/);
    expect(html).not.toContain('aria-busy');
    expect(html).not.toContain('Loading the signup form');
    expect(html).toMatch(/<label[^>]*>Email address<\/label>/);
    expect(html).toMatch(/<input[^>]*type="email"/);
    expect(html).toMatch(/<label[^>]*>First name/);
    expect(html).toMatch(/<legend[^>]*>Newsletters<\/legend>/);
    for (const label of ['Weekly newsletter', 'Product updates', 'Events near you']) expect(html).toContain(`${label}</`);
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
    expect(html).not.toMatch(/type="checkbox"[^>]*checked/); // nothing pre-ticked
    expect(html).toContain(DEFINITION.consent.text);
    expect(html).toMatch(/<button type="submit"[^>]*>Subscribe<\/button>/);
    // Submitted before its script has run, the form must never put the address in a URL (a GET would).
    expect(html).toMatch(/<form[^>]*method="post"/);
    expect(fetch).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  });

  it('renders another language whole, its messages loaded from the server-safe core entry', async () => {
    expect(serverLocales).toContain('fr');
    await serverLoad('fr');
    const html = renderToString(<SignupForm endpoint="/api/signup" locale="fr" definition={DEFINITION} />);
    expect(html).toContain('lang="fr"');
    expect(html).toContain('data-state="ready"');
    expect(html).not.toContain(`>${serverEnglish.submit}<`);
  });

  it('keeps messages and locales in an entry a Server Component can import: core is not "use client"', () => {
    const source = readFileSync(new URL('../../src/core/index.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*['"]use client['"]/m);
    expect(serverEnglish.submit).toBe('Subscribe'); // a value, not a client reference
    expect(typeof serverLoad).toBe('function');
  });

  it('is a client module: the React entry starts with "use client"', () => {
    const source = readFileSync(new URL('../../src/index.ts', import.meta.url), 'utf8');
    expect(source.split('\n')[0]).toBe("'use client';");
  });
});
