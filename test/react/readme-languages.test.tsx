// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import { frenchMessages, loadedSignupMessages } from '../../src/core/index.js';
import { FrenchSignupForm } from './readme/french-signup-form.js';
import { DEFINITION, scriptedFetch } from '../support/widget-fixture.js';

// README, "Messages and languages": a language other than English rendered on the server by
// passing its messages from a client component; the browser hydrates the same French at once.
it("README's French form renders French on the server and hydrates it without a mismatch or a language download", async () => {
  const proxy = scriptedFetch({});
  const element = <FrenchSignupForm endpoint="/api/signup" definition={DEFINITION} fetch={proxy.fetch} />;
  const html = renderToString(element);
  expect(html).toContain('data-state="ready"');
  expect(html).toContain('lang="fr"');
  expect(html).toContain(`>${frenchMessages.submit}</button>`);
  expect(html).toContain(frenchMessages.emailLabel);
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const errors = vi.spyOn(console, 'error');
  const recoverable = vi.fn();
  await act(async () => void hydrateRoot(container, element, { onRecoverableError: recoverable }));
  expect(container.querySelector('.dd-signup')!.getAttribute('data-state')).toBe('ready');
  expect(recoverable).not.toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();
  expect(loadedSignupMessages('fr')).toBeUndefined(); // no language chunk was needed
  expect(proxy.gets()).toEqual([]);
  container.remove();
});
