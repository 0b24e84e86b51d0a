// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SignupForm, signupFormStyles } from '../../src/index.js';
import { DEFINITION, reactMajor, scriptedFetch } from './widget-fixture.js';

// A browser without constructable stylesheets on the document (Safari before 16.4; jsdom as it
// is) keeps the <style> elements. A file of its own: React 19 remembers, per document, the
// style resources it has hoisted, so this must be the first form this document sees.

const NONCE = 'r4nd0m-n0nce';

afterEach(cleanup);

describe('the stylesheet, in a browser without adoptedStyleSheets', () => {
  it('renders <style> elements carrying the nonce: React 19 one for the document, React 18 one per form', async () => {
    const fetch = scriptedFetch({}).fetch;
    render(
      <>
        <SignupForm endpoint="/api/signup" definition={DEFINITION} fetch={fetch} nonce={NONCE} />
        <SignupForm endpoint="/api/signup" definition={DEFINITION} fetch={fetch} nonce={NONCE} locale="de" />
      </>,
    );
    await waitFor(() => expect(document.querySelectorAll('.dd-signup__form')).toHaveLength(2));
    const styles = [...document.querySelectorAll('style')];
    expect(styles).toHaveLength(reactMajor() >= 19 ? 1 : 2);
    for (const style of styles) {
      expect(style.textContent).toBe(signupFormStyles);
      expect(style.nonce || style.getAttribute('nonce')).toBe(NONCE);
    }
    if (reactMajor() >= 19) expect(styles[0]!.parentElement).toBe(document.head);
  });
});
