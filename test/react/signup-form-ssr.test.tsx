// @vitest-environment node
import { readFileSync } from 'node:fs';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { loadSignupMessages, SignupForm } from '../../src/index.js';

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
    expect(html).toMatch(/^<div class="dd-signup brand" data-state="loading" lang="en">/);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading the signup form…');
    expect(html).toContain('<style>');
    expect(html).toContain('-apple-system,"Segoe UI"'); // CSS as it is, quotes not escaped
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

  it('is a client module: the React entry starts with "use client"', () => {
    const source = readFileSync(new URL('../../src/index.ts', import.meta.url), 'utf8');
    expect(source.split('\n')[0]).toBe("'use client';");
  });
});
