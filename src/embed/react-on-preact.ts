// What the script tag gives react-hook-form and the widget for `react`: Preact's core and hooks,
// plus the two things of preact/compat they need — useSyncExternalStore, and React's onChange
// on text inputs (Preact follows the DOM: `change` fires on blur; React fires on every key,
// which is what react-hook-form's register() listens for). All of preact/compat (Suspense,
// portals, Children, class-component shims…) weighs 3 KB gzip more; the size test measures it.
import { createContext, createElement, Fragment, options, type VNode } from 'preact';
import { useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

const previousVNode = options.vnode;
options.vnode = (vnode: VNode) => {
  const props = vnode.props as Record<string, unknown>;
  if ((vnode.type === 'input' || vnode.type === 'textarea') && props.onChange && !/^(checkbox|radio|file)$/.test(String(props.type))) {
    props.onInput = props.onChange;
    delete props.onChange;
  }
  previousVNode?.(vnode);
};

/**
 * React's `useSyncExternalStore` on Preact hooks: the value is read on each render, and a change
 * the store reports (or one between this render and subscribing) renders again.
 *
 * @example
 * const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
 */
export function useSyncExternalStore<T>(subscribe: (listener: () => void) => () => void, getSnapshot: () => T): T {
  const value = getSnapshot();
  const shown = useRef(value);
  shown.current = value;
  const [, rerender] = useState(0);
  useEffect(() => {
    const check = () => Object.is(shown.current, getSnapshot()) || rerender((n) => n + 1);
    check();
    return subscribe(check);
  }, [subscribe, getSnapshot]);
  return value;
}

export { createContext, createElement, Fragment, useCallback, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState };
// react-hook-form imports React as a default export.
export default { createContext, createElement, Fragment, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState };
