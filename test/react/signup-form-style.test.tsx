// @vitest-environment jsdom
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignupForm, signupFormStyles } from '../../src/index.js';
import { DEFINITION, reactMajor, scriptedFetch } from './widget-fixture.js';

// The default stylesheet is one per document however many forms (src/react/signup-form-style.tsx).
// jsdom has constructable stylesheets but not `document.adoptedStyleSheets`: the tests that say
// "in a browser" give the document that array, as Chromium has it (e2e/ssr-csp.spec.ts checks
// the real thing).

const NONCE = 'r4nd0m-n0nce';
const styleElements = () => [...document.querySelectorAll('style')];
const ourSheets = () => (document.adoptedStyleSheets ?? []).filter((sheet) => sheet.cssRules[0]?.cssText.startsWith('.dd-signup'));

function withAdoptedStyleSheets() {
  Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
}

afterEach(() => {
  cleanup();
  delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
  for (const style of styleElements()) style.remove(); // React 19 leaves a hoisted resource in <head>
});

const twoForms = (fetch: typeof globalThis.fetch) => (
  <>
    <SignupForm endpoint="/api/signup" definition={DEFINITION} fetch={fetch} nonce={NONCE} />
    <SignupForm endpoint="/api/signup" definition={DEFINITION} fetch={fetch} nonce={NONCE} locale="de" />
  </>
);

describe('the stylesheet, in a browser with adoptedStyleSheets', () => {
  it('two forms share one constructable stylesheet and render no <style>', async () => {
    withAdoptedStyleSheets();
    const view = render(twoForms(scriptedFetch({}).fetch));
    render(<SignupForm endpoint="/api/signup" definition={DEFINITION} fetch={scriptedFetch({}).fetch} />); // a third, in another root
    await waitFor(() => expect(document.querySelectorAll('.dd-signup__form')).toHaveLength(3));
    expect(styleElements()).toEqual([]);
    expect(ourSheets()).toHaveLength(1);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(ourSheets()[0]!.cssRules.length).toBeGreaterThan(50);
    view.unmount();
    expect(ourSheets()).toHaveLength(1); // the other forms still need it
  });

  it('keeps sheets the page adopted, and adds none when unstyled', () => {
    withAdoptedStyleSheets();
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    render(<SignupForm endpoint="/api/signup" definition={DEFINITION} unstyled />);
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    render(<SignupForm endpoint="/api/signup" definition={DEFINITION} />);
    expect(document.adoptedStyleSheets[0]).toBe(pageSheet);
    expect(document.adoptedStyleSheets).toHaveLength(2);
  });

  it('hydrates two server-rendered forms without a mismatch, then the document has the sheet once', async () => {
    withAdoptedStyleSheets();
    const proxy = scriptedFetch({});
    const container = document.createElement('div');
    container.innerHTML = renderToString(twoForms(proxy.fetch));
    document.body.append(container);
    const roots = [...container.querySelectorAll('.dd-signup')];
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    await act(async () => void hydrateRoot(container, twoForms(proxy.fetch), { onRecoverableError: recoverable }));
    expect([...container.querySelectorAll('.dd-signup')]).toEqual(roots); // hydrated in place
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    if (reactMajor() >= 19) {
      // React 19 keeps the <style> it hoisted on the server, and no sheet is adopted beside it.
      expect(styleElements()).toHaveLength(1);
      expect(ourSheets()).toEqual([]);
    } else {
      // React 18 rendered a <style> in each form; hydrated, they give way to the adopted sheet.
      expect(styleElements()).toEqual([]);
      expect(ourSheets()).toHaveLength(1);
    }
    expect(proxy.gets()).toEqual([]);
    container.remove();
  });
});
