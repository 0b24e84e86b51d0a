/**
 * The script the page-load bench runs in each page before the page's own scripts. It records,
 * relative to navigation start, when the form is ready — the email field focusable and every
 * preference checkbox rendered, in the page or in any shadow root — and sums layout shifts
 * (CLS). Plain JavaScript text, not a serialised function, so no transpiler helper leaks in.
 *
 * @example
 * await page.addInitScript({ content: pageLoadProbe(3) });
 */
export function pageLoadProbe(expectedCheckboxes: number): string {
  return `(() => {
  const state = { ready: null, cls: 0 };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) state.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const roots = [document];
  const check = () => {
    if (state.ready !== null) return;
    for (const root of roots) {
      const email = root.querySelector('input[type="email"]');
      if (!email || email.disabled || root.querySelectorAll('input[type="checkbox"]').length < ${Number(expectedCheckboxes)}) continue;
      if (!email.checkVisibility()) continue;
      state.ready = performance.now();
      return;
    }
  };
  const observer = new MutationObserver(check);
  const options = { subtree: true, childList: true, attributes: true };
  observer.observe(document, options);
  // Shadow roots are invisible to a document observer: watch each one as it is attached.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observer.observe(root, options);
    return root;
  };
})();`;
}
