/**
 * Calls a site's callback; if it throws, the error is reported but the form carries on.
 *
 * @example
 * notify(options.onSuccess, { status, email });
 */
export function notify<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    callback?.(...args);
  } catch (cause) {
    if (typeof reportError === 'function') reportError(cause);
    else setTimeout(() => { throw cause; });
  }
}
