// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it, vi } from 'vitest';
import { SignupForm } from '../../src/index.js';
import { scriptedFetch } from './widget-fixture.js';

afterEach(cleanup);

it('hydrates server-rendered HTML without a mismatch, then loads the form', async () => {
  const proxy = scriptedFetch({});
  const element = <SignupForm endpoint="/api/signup" fetch={proxy.fetch} />;
  const container = document.createElement('div');
  container.innerHTML = renderToString(element);
  document.body.append(container);
  const serverRoot = container.firstElementChild;
  const errors = vi.spyOn(console, 'error');
  const recoverable = vi.fn();
  await act(async () => void hydrateRoot(container, element, { onRecoverableError: recoverable }));
  await screen.findByLabelText('Email address');
  expect(container.firstElementChild).toBe(serverRoot); // hydrated in place, not re-created
  await waitFor(() => expect(serverRoot!.getAttribute('data-state')).toBe('ready'));
  expect(recoverable).not.toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();
  container.remove();
});
