// Where this script came from, read while it runs (later, document.currentScript is another
// script or null): its side files sit beside it, fetched the way it was (crossorigin). A
// classic script has it however it was loaded: blocking, async, defer, or inserted by a tag
// manager. Only a module has none, and a bundler takes the module build (package.json#exports,
// `browser`), whose languages and submitting half are chunks of the bundle.
const script = document.currentScript as HTMLScriptElement | null;

/**
 * Loads a side file of the script tag (a language, the submit file) from beside
 * `dotdigital-signup.js`, pinned by its integrity hash like the script tag itself (a changed
 * file on a CDN is refused, not run), and resolves with what it put on `window.DotdigitalSignup`.
 *
 * @example
 * const sender = await loadPinnedScript('dotdigital-signup.submit.js', 'sha256-…', (shelf) => shelf.sender);
 */
export function loadPinnedScript<T>(file: string, integrity: string, read: (shelf: Record<string, any>) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = new URL(file, script?.src).href;
    element.integrity = integrity;
    if (script?.crossOrigin != null) element.crossOrigin = script.crossOrigin;
    const fail = () => reject(new Error(`${element.src} did not load: host it beside dotdigital-signup.js`));
    element.onload = () => {
      const found = read((window as { DotdigitalSignup?: Record<string, any> }).DotdigitalSignup ?? {});
      if (found) resolve(found);
      else fail();
    };
    element.onerror = fail;
    document.head.append(element);
  });
}
