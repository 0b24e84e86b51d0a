'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormDefinition } from '../core/form-definition.js';
import type { SignupClient } from '../core/signup-client.js';
import type { SignupError } from '../core/signup-error.js';
import { toSignupError } from './signup-issue.js';

/** What {@link useFormDefinition} returns. */
export interface FormDefinitionState {
  definition: FormDefinition | undefined;
  /** Why the last load failed. */
  error: SignupError | undefined;
  /** Which load this is: 0 at first, +1 for each {@link FormDefinitionState.retry}. */
  attempt: number;
  /** Load again after a failure (bypassing the browser's cache). */
  retry: () => void;
  /** Load again in the background, keeping the form (after the consent text changed). */
  refresh: () => Promise<FormDefinition | undefined>;
}

interface Pending {
  client: SignupClient;
  attempt: number;
  promise: Promise<FormDefinition>;
}

/**
 * Loads the form definition once per client and attempt. StrictMode mounts, unmounts and
 * mounts again: the second mount reuses the first mount's request instead of sending
 * another, and only a mounted component takes the answer.
 *
 * @example
 * const { definition, error, retry } = useFormDefinition(client);
 */
export function useFormDefinition(client: SignupClient): FormDefinitionState {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ definition?: FormDefinition; error?: SignupError }>();
  const pending = useRef<Pending | undefined>(undefined);

  useEffect(() => {
    let active = true;
    let entry = pending.current;
    if (!entry || entry.client !== client || entry.attempt !== attempt) {
      entry = { client, attempt, promise: client.loadDefinition({ fresh: attempt > 0 }) };
      if (pending.current) setLoaded(undefined);
      pending.current = entry;
    }
    entry.promise.then(
      (definition) => active && setLoaded({ definition }),
      (cause: unknown) => active && setLoaded({ error: toSignupError(cause) }),
    );
    return () => {
      active = false;
    };
  }, [client, attempt]);

  const retry = useCallback(() => {
    setLoaded(undefined);
    setAttempt((n) => n + 1);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const definition = await client.loadDefinition({ fresh: true });
      setLoaded({ definition });
      return definition;
    } catch {
      return undefined; // keep showing the form we have; the next submit tells the visitor
    }
  }, [client]);

  return { definition: loaded?.definition, error: loaded?.error, attempt, retry, refresh };
}
