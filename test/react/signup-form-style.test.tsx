// @vitest-environment jsdom
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import { SignupForm, signupFormStyles } from '../../src/index.js';
import { DEFINITION, reactMajor, scriptedFetch } from '../support/widget-fixture.js';

// The default stylesheet in the browser (src/react/signup-form-style.tsx says why): React 19
// renders it once for the document, in <head>; React 18 once per form. Each <style> has the nonce.
// React 19 remembers per document the resources it hoisted: the tests run in this order.

const NONCE = 'r4nd0m-n0nce';
const styles = () => [...document.querySelectorAll('style')];
const perDocument = () => (reactMajor() >= 19 ? 1 : 2);

afterEach(cleanup);

const twoForms = (fetch: typeof globalThis.fetch) => (
  <>
    <SignupForm endpoint="/api/signup" definition={DEFINITION} fetch={fetch} nonce={NONCE} />
    <SignupForm endpoint="/api/signup" definition={DEFINITION} fetch={fetch} nonce={NONCE} locale="de" />
  </>
);

it('two forms: React 19 renders one <style> for the document, in <head>; each <style> carries the nonce', async () => {
  const errors = vi.spyOn(console, 'error');
  render(twoForms(scriptedFetch({}).fetch));
  render(<SignupForm endpoint="/api/signup" definition={DEFINITION} nonce={NONCE} unstyled />);
  await waitFor(() => expect(document.querySelectorAll('.dd-signup__form')).toHaveLength(3));
  expect(styles()).toHaveLength(perDocument());
  for (const style of styles()) {
    expect(style.textContent).toBe(signupFormStyles);
    expect(style.nonce || style.getAttribute('nonce')).toBe(NONCE);
  }
  if (reactMajor() >= 19) expect(styles()[0]!.parentElement).toBe(document.head);
  expect(errors).not.toHaveBeenCalled();
});

it('hydrates two server-rendered forms without a mismatch or a second stylesheet', async () => {
  const proxy = scriptedFetch({});
  const container = document.createElement('div');
  // React 19 says renderToString cannot write the nonce; React 18, run in a DOM, warns of layout effects.
  const serverWarnings = vi.spyOn(console, 'error').mockImplementation(() => {});
  container.innerHTML = renderToString(twoForms(proxy.fetch));
  serverWarnings.mockRestore();
  document.body.append(container);
  const roots = [...container.querySelectorAll('.dd-signup')];
  const errors = vi.spyOn(console, 'error');
  const recoverable = vi.fn();
  await act(async () => void hydrateRoot(container, twoForms(proxy.fetch), { onRecoverableError: recoverable }));
  expect([...container.querySelectorAll('.dd-signup')]).toEqual(roots); // hydrated in place
  expect(recoverable).not.toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();
  expect(styles().filter((style) => container.contains(style))).toHaveLength(perDocument());
  expect(proxy.gets()).toEqual([]);
  container.remove();
});
