// `react-dom/client` for the script tag: React 18's root API over Preact's render().
import { render, type ComponentChild } from 'preact';

/**
 * A root that renders into `container`, as `react-dom/client`'s does.
 *
 * @example
 * const root = createRoot(shadowRoot);
 * root.render(createElement(SignupForm, props));
 */
export function createRoot(container: Element | ShadowRoot) {
  return {
    render: (children: ComponentChild) => render(children, container as unknown as Element),
    unmount: () => render(null, container as unknown as Element),
  };
}
