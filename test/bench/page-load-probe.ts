/**
 * The script the page-load bench runs in each page before the page's own scripts. It records,
 * relative to navigation start, when the form is ready — the email field focusable and every
 * preference checkbox rendered, in the page or in any shadow root, AND on screen: the end of the
 * first frame painted after that (`dom` is when it was in the DOM). A form parsed from the HTML is in
 * the DOM long before the browser may paint (a render-blocking stylesheet, a slow CPU); counting
 * that moment would credit the static and server-rendered pages with a form nobody can see yet.
 * It also sums layout shifts (CLS) and keeps first contentful paint (`fcp`). Plain JavaScript
 * text, not a serialised function, so no transpiler helper leaks in.
 *
 * @example
 * await page.addInitScript({ content: pageLoadProbe(3) });
 */
export function pageLoadProbe(expectedCheckboxes: number): string {
  return `(() => {
  const state = { dom: null, ready: null, fcp: null, cls: 0 };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) state.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') state.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const roots = [document];
  const check = () => {
    if (state.dom !== null) return;
    for (const root of roots) {
      const email = root.querySelector('input[type="email"]');
      if (!email || email.disabled || root.querySelectorAll('input[type="checkbox"]').length < ${Number(expectedCheckboxes)}) continue;
      if (!email.checkVisibility()) continue;
      state.dom = performance.now();
      // The frame after this paints the form: a task queued from its animation-frame callback runs
      // once that frame's style, layout and paint are done (the usual "next paint" measure).
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (state.ready = performance.now());
        channel.port2.postMessage(0);
      });
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
