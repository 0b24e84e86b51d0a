/**
 * Names every `dd-signup__*` element of the form as a shadow part, so a page styles it
 * from outside the shadow root: `dotdigital-signup::part(button) { border-radius: 0 }`.
 * The part names follow the widget's stable BEM classes (`dd-signup` → `root`,
 * `dd-signup__button` → `button`, `dd-signup__status--error` → `status status-error`), so
 * a class the widget adds later becomes a part without a change here.
 *
 * @example
 * exposeParts(shadowRoot); // then: dotdigital-signup::part(input) { border-color: teal }
 */
export function exposeParts(root: ShadowRoot): void {
  for (const element of Array.from(root.querySelectorAll('[class*="dd-signup"]'))) {
    const parts = partsOf(element.classList);
    if (parts && element.getAttribute('part') !== parts) element.setAttribute('part', parts);
  }
}

/** The part names for one element's classes, or '' when it has none of ours. */
export function partsOf(classes: Iterable<string>): string {
  const parts: string[] = [];
  for (const name of classes) {
    if (name === 'dd-signup') parts.push('root');
    else if (name.startsWith('dd-signup__')) {
      const [block, modifier] = name.slice('dd-signup__'.length).split('--');
      if (block && !parts.includes(block)) parts.push(block);
      if (block && modifier) parts.push(`${block}-${modifier}`);
    }
  }
  return parts.join(' ');
}
