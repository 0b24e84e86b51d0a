// What the script tag gives react-hook-form and the widget for `react`: Preact's core and hooks,
// plus the few things of preact/compat they need — useSyncExternalStore, React's onChange on
// text inputs (Preact follows the DOM: `change` fires on blur; React fires on every key, which
// is what react-hook-form's register() listens for), and React's `spellCheck` (Preact would set
// an attribute named so, and drop it when false). All of preact/compat (Suspense, portals,
// Children, class-component shims…) weighs 3 KB gzip more; the size test measures it.
// test/embed/react-on-preact.test.ts holds this file to what react-hook-form and the widget read.
import { createContext, createElement, Fragment, options, type VNode } from 'preact';
import { useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

const previousVNode = options.vnode;
options.vnode = (vnode: VNode) => {
  const props = vnode.props as Record<string, unknown>;
  if ((vnode.type === 'input' || vnode.type === 'textarea') && props.onChange && !/^(checkbox|radio|file)$/.test(String(props.type))) {
    props.onInput = props.onChange;
    delete props.onChange;
  }
  if (typeof vnode.type === 'string' && 'spellCheck' in props) {
    props.spellcheck = props.spellCheck; // the DOM property: `false` renders spellcheck="false", as React does
    delete props.spellCheck;
  }
  previousVNode?.(vnode);
};

/**
 * React's `useSyncExternalStore` on Preact hooks, as React's own shim for older Reacts does it:
 * the value is read on each render, and a change the store reports (or one between this render
 * and subscribing) renders again.
 *
 * @example
 * const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
 */
export function useSyncExternalStore<T>(subscribe: (listener: () => void) => () => void, getSnapshot: () => T): T {
  const value = getSnapshot();
  const [{ store }, rerender] = useState(() => ({ store: { value, getSnapshot } }));
  useLayoutEffect(() => {
    Object.assign(store, { value, getSnapshot });
    if (!Object.is(store.value, store.getSnapshot())) rerender({ store });
  }, [store, subscribe, value, getSnapshot]);
  useEffect(() => {
    const check = () => Object.is(store.value, store.getSnapshot()) || rerender({ store });
    check();
    return subscribe(check);
  }, [store, subscribe]);
  return value;
}

export { createContext, createElement, Fragment, useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState };
// react-hook-form imports React as a default export: every member it reads (the contract test lists them).
export default { createContext, createElement, Fragment, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState };
