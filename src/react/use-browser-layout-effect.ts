import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser (it runs before the browser paints, as focus moves should), and
 * `useEffect` on the server, where no effect runs and React 18 warns about layout effects.
 *
 * @example
 * useBrowserLayoutEffect(() => ref.current?.focus(), []);
 */
export const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
