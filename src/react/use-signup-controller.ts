'use client';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { FormDefinition } from '../core/form-definition.js';
import { englishMessages, type SignupMessages } from '../core/messages.js';
import { notify } from '../core/notify.js';
import { createSignupClient } from '../core/signup-client.js';
import { createSignupController, type SignupController, type SignupResult } from '../core/signup-controller.js';
import type { SignupSnapshot, SignupSubmitCallbacks } from '../core/signup-snapshot.js';
import type { SignupError } from '../core/signup-error.js';
import { useBrowserLayoutEffect } from './use-browser-layout-effect.js';
import { formLocale, type UseSignupFormOptions } from './use-signup-form-options.js';

/** What {@link useSignupController} is given: read again at each render. */
export interface SignupControllerSettings extends SignupSubmitCallbacks, Pick<UseSignupFormOptions, 'locale' | 'messages'> {
  endpoint: string;
  fetch?: typeof fetch | undefined;
  /** Only the first render's count (hydration): the form is ready from it, without a request. */
  definition?: FormDefinition | undefined;
  /** Only the first render's count: shown from the start (a server rendering a posted outcome). */
  result?: SignupResult | undefined;
  onReady?: ((definition: FormDefinition) => void) | undefined;
  onError?: ((error: SignupError, info: { phase: 'load' | 'submit' }) => void) | undefined;
}


/**
 * The framework-free signup controller (core) of one form, and its current snapshot: created per
 * `endpoint` and `locale`, loading the definition once per attempt (StrictMode too), calling `onReady` once
 * per load (the controller calls `onError` for a failed one). Callbacks and `fetch` are read when
 * they are called, so inline ones never reload anything.
 *
 * @example
 * const { controller, snapshot } = useSignupController({ endpoint, onReady }, messages);
 */
export function useSignupController(settings: SignupControllerSettings, messages: SignupMessages | undefined): { controller: SignupController; snapshot: SignupSnapshot } {
  // What the controller reads when it calls out: brought up to date after each render, never during one.
  const [live] = useState(() => ({ settings, messages }));
  useBrowserLayoutEffect(() => void Object.assign(live, { settings, messages }));
  const { endpoint } = settings;
  const locale = formLocale(settings); // the definition is asked for in it (?locale=), and the consent sent with it
  const [held, setHeld] = useState(() => ({ endpoint, locale, controller: createFor(live, endpoint, locale) }));
  // A new endpoint or language is a new form (another definition): its controller replaces the old one in this very render.
  if (held.endpoint !== endpoint || held.locale !== locale) setHeld({ endpoint, locale, controller: createFor(live, endpoint, locale) });
  const { controller } = held;
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  useEffect(() => controller.load(), [controller]);

  // Once per load, when the form is on screen (StrictMode runs effects twice); a failed load the controller reports itself.
  const readied = useRef<{ controller: SignupController; attempt: number }>(undefined);
  useEffect(() => {
    const { attempt, definition } = snapshot;
    if (!definition || !messages || (readied.current?.controller === controller && readied.current.attempt === attempt)) return;
    readied.current = { controller, attempt };
    notify(live.settings.onReady, definition);
  }, [controller, snapshot, messages, live]);

  return { controller, snapshot };
}

function createFor(live: { settings: SignupControllerSettings; messages: SignupMessages | undefined }, endpoint: string, locale: string | undefined): SignupController {
  const { settings } = live;
  // The definition comes in the form's language: its consent statement and labels (?locale=).
  const client = createSignupClient({ endpoint, locale, fetch: (input, init) => (live.settings.fetch ?? fetch)(input, init) });
  return createSignupController({
    client,
    messages: () => live.messages ?? englishMessages, // the core's own issues; the form's are react-hook-form's
    callbacks: () => live.settings,
    definition: settings.definition,
    result: settings.result,
  });
}
