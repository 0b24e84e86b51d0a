// Core otherwise never touches `document`: this file (and vendor-token.ts) runs only in the
// browser, in the submitting chunk, and only when the proxy's definition names a vendor's check.

const loading = new Map<string, Promise<unknown>>();

/**
 * Loads a vendor's script (`<script async>` in `document.head`) once per page and resolves with
 * the global it defines, read by `api`. A page that already has the global (it loaded the
 * vendor's script itself) adds nothing; a tag with the same `src` already on the page (another
 * copy of this code put it there) is waited for, not added again. A failed load is forgotten, so
 * the visitor's next submit tries again. Resolves only once `api()` answers: a script that
 * loads but defines nothing rejects.
 *
 * @example
 * const turnstile = await loadVendorScript('https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit', () => window.turnstile);
 */
export function loadVendorScript<T>(src: string, api: () => T | undefined): Promise<T> {
  const ready = api();
  if (ready) return Promise.resolve(ready);
  let load = loading.get(src) as Promise<T> | undefined;
  if (!load) {
    load = new Promise<T>((resolve, reject) => {
      const found = [...document.scripts].find((script) => script.src === src);
      const element = found ?? Object.assign(document.createElement('script'), { src, async: true });
      element.addEventListener('load', () => {
        const loaded = api();
        if (loaded) resolve(loaded);
        else reject(new Error(`${src} loaded but defined nothing`));
      });
      element.addEventListener('error', () => {
        element.remove(); // a tag that failed never fires again: the next try adds a fresh one
        reject(new Error(`${src} did not load (blocked by the page's Content-Security-Policy, an ad blocker, or the network)`));
      });
      if (!found) document.head.append(element);
    });
    loading.set(src, load);
    load.catch(() => loading.delete(src));
  }
  return load;
}
