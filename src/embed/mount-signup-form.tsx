import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { SignupForm, type SignupFormProps } from '../index.js';
import type { FormDefinition } from '../core/index.js';
import { exposeParts } from './expose-parts.js';
import { embedStyleSheet } from './shadow-styles.js';
import { dispatchSignupEvent } from './signup-events.js';

/** What the form sends on submit, as far as the `submit` event needs it. */
interface SubmittedRequest { email: string; preferences: number[] }

/** Options of `DotdigitalSignup.mount()`: the `<SignupForm>` props that make sense on any page. */
export type MountOptions = Omit<SignupFormProps, 'unstyled' | 'className' | 'style'> & { locale?: string; onSubmit?: (request: SubmittedRequest) => void };

/** What `mount` returns. */
export interface MountedSignupForm {
  unmount(): void;
}

const mounted = new WeakMap<Element, MountedSignupForm & { update(options: MountOptions): void }>();

/**
 * Renders the signup form into `element`'s shadow root (created when missing), styled by a
 * constructable stylesheet, and turns the form's callbacks into bubbling, composed DOM
 * events on `element`. Mounting into the same element again replaces the first form.
 *
 * @example
 * const form = DotdigitalSignup.mount(document.getElementById('signup'), { endpoint: '/api/signup' });
 * form.unmount();
 */
export function mountSignupForm(element: Element, options: MountOptions): MountedSignupForm & { update(options: MountOptions): void } {
  if (!(element instanceof Element)) {
    throw new TypeError('DotdigitalSignup.mount: the first argument must be an element, e.g. document.getElementById("signup") (see README, "Script tag").');
  }
  if (typeof options?.endpoint !== 'string' || options.endpoint.trim() === '') {
    throw new TypeError('DotdigitalSignup.mount: `endpoint` is required — the URL of your signup proxy, e.g. { endpoint: "/api/signup" } (see README, "Run the proxy").');
  }
  mounted.get(element)?.unmount();
  const shadow = shadowOf(element);
  shadow.adoptedStyleSheets = [embedStyleSheet()];
  const root = createRoot(shadow);

  // `ready` and `submit` follow the form's `data-state` on the DOM, so `ready` fires once the
  // preferences are on screen (the callback runs before the render) and `submit` only for
  // a form that passed validation.
  let definition: FormDefinition | undefined;
  let request: SubmittedRequest | undefined; // from the widget's onSubmit, when it has one
  let state: string | null = null;
  const observer = new MutationObserver(() => {
    exposeParts(shadow);
    const form = shadow.querySelector('[data-state]');
    const next = form?.getAttribute('data-state') ?? null;
    if (next === state) return;
    const previous = state;
    state = next;
    // Once per load of the form (again after a reload, not when an error clears).
    if (next === 'ready' && definition && (previous === null || previous === 'loading' || previous === 'definition_failed')) dispatchSignupEvent(element, 'ready', { definition });
    if (next === 'submitting' && form) dispatchSignupEvent(element, 'submit', request ?? submittedValues(form));
    if (next === 'submitting') request = undefined;
  });
  observer.observe(shadow, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'class'] });

  const render = (current: MountOptions) => {
    const props: SignupFormProps & Pick<MountOptions, 'onSubmit'> = {
      ...current,
      unstyled: true,
      onSubmit: (sent) => {
        request = { email: sent.email, preferences: [...sent.preferences] };
        current.onSubmit?.(sent);
      },
      onReady: (loaded) => {
        definition = loaded;
        current.onReady?.(loaded);
      },
      onSuccess: (result) => {
        dispatchSignupEvent(element, 'success', result);
        current.onSuccess?.(result);
      },
      onError: (error) => {
        dispatchSignupEvent(element, 'error', { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
        current.onError?.(error);
      },
    };
    root.render(createElement(SignupForm, props));
  };
  render(options);

  const handle = {
    update: render,
    unmount() {
      if (mounted.get(element) !== handle) return;
      mounted.delete(element);
      observer.disconnect();
      root.unmount();
    },
  };
  mounted.set(element, handle);
  return handle;
}

function shadowOf(element: Element): ShadowRoot {
  if (element.shadowRoot) return element.shadowRoot;
  try {
    return element.attachShadow({ mode: 'open' });
  } catch {
    throw new TypeError(`DotdigitalSignup.mount: cannot render inside <${element.localName}>; pass a container such as a <div> (see README, "Script tag").`);
  }
}

/** What the visitor sent, read from the form the way it was submitted. */
function submittedValues(form: Element): { email: string; preferences: number[] } {
  const email = form.querySelector<HTMLInputElement>('input[type="email"]')?.value.trim() ?? '';
  const preferences = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked'), (box) => Number(box.value));
  return { email, preferences };
}
