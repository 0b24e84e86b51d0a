import { mountSignupForm, type MountedSignupForm, type MountOptions } from './mount-signup-form.js';

/** A call the queue snippet kept before the script loaded: element, options, and the handle it returned. */
type QueuedCall = [Element, MountOptions, { unmount(): void; u?: number }];

/** `window.DotdigitalSignup` once the script has loaded. */
export interface DotdigitalSignupGlobal {
  version: string;
  mount(element: Element, options: MountOptions): MountedSignupForm;
}

declare const __DOTDIGITAL_SIGNUP_VERSION__: string;

/**
 * Installs `window.DotdigitalSignup` and runs the calls the README's queue snippet kept
 * while an `async` script was loading. Each queued handle's `unmount` is rewired to the real
 * form (and a handle unmounted before load never mounts). One failing call does not stop
 * the others.
 *
 * @example
 * installGlobal(window); // then: window.DotdigitalSignup.mount(element, { endpoint })
 */
export function installGlobal(target: { DotdigitalSignup?: unknown }): void {
  const existing = target.DotdigitalSignup as { q?: QueuedCall[]; version?: string } | undefined;
  if (existing?.version) return; // loaded twice: the first copy already serves every call
  const api: DotdigitalSignupGlobal = {
    version: typeof __DOTDIGITAL_SIGNUP_VERSION__ === 'string' ? __DOTDIGITAL_SIGNUP_VERSION__ : '0.0.0-dev',
    mount: (element, options) => mountSignupForm(element, options),
  };
  target.DotdigitalSignup = api;
  for (const [element, options, handle] of Array.isArray(existing?.q) ? existing.q : []) {
    if (handle?.u) continue;
    try {
      const form = api.mount(element, options);
      if (handle) handle.unmount = () => form.unmount();
    } catch (error) {
      console.error(error);
    }
  }
}
