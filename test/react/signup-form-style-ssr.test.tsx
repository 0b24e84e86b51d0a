// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SignupForm } from '../../src/index.js';
import { DEFINITION, reactMajor } from '../support/widget-fixture.js';

// What each React's server renderer writes for two forms (src/react/signup-form-style.tsx says why).
const NONCE = 'r4nd0m-n0nce';
const copiesOfTheCss = (html: string) => html.split('.dd-signup__spinner{').length - 1;
const styleTags = (html: string) => html.match(/<style[^>]*>/g) ?? [];

const page = (
  <html lang="en">
    <head>
      <title>Newsletter</title>
    </head>
    <body>
      <SignupForm endpoint="/api/signup" definition={DEFINITION} nonce={NONCE} />
      <SignupForm endpoint="/api/signup" definition={DEFINITION} nonce={NONCE} locale="de" />
    </body>
  </html>
);

describe.runIf(reactMajor() >= 19)('React 19 on the server: one <style> however many forms', () => {
  it('a stream given the nonce writes the CSS once, in <head>, with the nonce', async () => {
    const { renderToReadableStream } = await import('react-dom/server');
    const errors = vi.spyOn(console, 'error');
    const html = await new Response(await renderToReadableStream(page, { nonce: { style: NONCE } })).text();
    expect(copiesOfTheCss(html)).toBe(1);
    expect(styleTags(html)).toEqual([`<style nonce="${NONCE}" data-precedence="dd-signup" data-href="dd-signup">`]);
    expect(html.indexOf('<style')).toBeLessThan(html.indexOf('</head>'));
    expect(html.match(/class="dd-signup"/g)).toHaveLength(2);
    expect(errors).not.toHaveBeenCalled();
  });

  it('renderToString writes the CSS once too, at the start, but has no way to carry a nonce', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React says so in development
    const html = renderToString(page);
    expect(copiesOfTheCss(html)).toBe(1);
    expect(styleTags(html)).toEqual(['<style data-precedence="dd-signup" data-href="dd-signup">']);
    const bare = renderToString(<SignupForm endpoint="/api/signup" definition={DEFINITION} />);
    expect(copiesOfTheCss(bare)).toBe(1);
  });
});

describe.runIf(reactMajor() < 19)('React 18 on the server: a <style> in each form', () => {
  it('renders the CSS in each form, each <style> with the nonce and the quotes unescaped', () => {
    const errors = vi.spyOn(console, 'error');
    const html = renderToString(page);
    expect(copiesOfTheCss(html)).toBe(2);
    expect(styleTags(html)).toEqual(Array(2).fill(`<style href="dd-signup" precedence="dd-signup" nonce="${NONCE}">`));
    expect(html).not.toContain('&quot;');
    expect(errors).not.toHaveBeenCalled();
  });
});

it('leaves the stylesheet out when unstyled', () => {
  const html = renderToString(<SignupForm endpoint="/api/signup" definition={DEFINITION} nonce={NONCE} unstyled />);
  expect(copiesOfTheCss(html)).toBe(0);
  expect(html).not.toContain('<style');
});
