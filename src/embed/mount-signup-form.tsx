import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { SignupForm, type SignupFormProps } from '../index.js';
import { exposeParts } from './expose-parts.js';
import { embedStyleSheet } from './shadow-styles.js';
import { dispatchSignupEvent } from './signup-events.js';

/** Options of `DotdigitalSignup.mount()`: the `<SignupForm>` props that make sense on any page. */
export type MountOptions = Omit<SignupFormProps, 'unstyled' | 'className' | 'style' | 'nonce'>;

/** What `mount` returns. */
export interface MountedSignupForm {
  unmount(): void;
}

/** The handle `<dotdigital-signup>` keeps: it re-renders with new attributes instead of remounting. */
export interface UpdatableSignupForm extends MountedSignupForm {
  update(options: MountOptions): void;
}

const mounted = new WeakMap<Element, UpdatableSignupForm>();

/**
 * Renders the signup form into `element`'s shadow root (created when missing), styled by a
 * constructable stylesheet, and turns the form's callbacks into bubbling, composed DOM
 * events on `element`. Mounting into the same element again replaces the first form.
 *
 * @example
 * const form = DotdigitalSignup.mount(document.getElementById('signup'), { endpoint: '/api/signup' });
 * form.unmount();
 */
export function mountSignupForm(element: Element, options: MountOptions): UpdatableSignupForm {
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
  const observer = new MutationObserver(() => exposeParts(shadow));
  observer.observe(shadow, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });

  // The widget calls onReady once the form is on screen (after the render), onSubmit with
  // the exact body of a valid form it is about to send, onSuccess/onError with the answer,
  // and onError too when the form definition could not be loaded (phase 'load').
  const render = (current: MountOptions) => {
    const props: SignupFormProps = {
      ...current,
      unstyled: true,
      onReady: (definition) => {
        dispatchSignupEvent(element, 'ready', { definition });
        current.onReady?.(definition);
      },
      onSubmit: (request) => {
        dispatchSignupEvent(element, 'submit', { email: request.email, preferences: [...(request.preferences ?? [])] });
        current.onSubmit?.(request);
      },
      onSuccess: (result) => {
        dispatchSignupEvent(element, 'success', result);
        current.onSuccess?.(result);
      },
      onError: (error, info) => {
        const { code, message, field, retryAfter } = error;
        dispatchSignupEvent(element, 'error', { code, message, phase: info.phase, ...(field ? { field } : {}), ...(retryAfter === undefined ? {} : { retryAfter }) });
        current.onError?.(error, info);
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
