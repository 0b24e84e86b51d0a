import { inject } from 'vitest';
import type { FormDefinition } from '../../src/core/index.js';
import { CONSENT_TEXT } from './proxy-fixture.js';

export { CONSENT_TEXT };

/**
 * The widget talking to a real proxy handler in-process (which talks to the in-process mock). The
 * endpoint is resolved against the page, as a browser does: the proxy takes pages on its own origin.
 */
export function widgetFetch(handler: (request: Request) => Promise<Response>, calls: Request[] = []): typeof fetch {
  return async (input, init) => {
    const request = new Request(new URL(String(input), globalThis.location?.href ?? 'https://www.example.com'), init);
    calls.push(request.clone());
    return handler(request);
  };
}

/** A definition like the demo account's. */
export const DEFINITION: FormDefinition = {
  preferences: [
    { id: 1, label: 'Newsletters', preferences: [{ id: 2, label: 'Weekly newsletter' }, { id: 3, label: 'Product updates' }] },
    { id: 5, label: 'Events near you' },
  ],
  consent: { text: CONSENT_TEXT, version: '0123456789abcdef' },
  fields: [],
  doubleOptIn: false,
};

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'network-error' | 'never';

/**
 * A proxy that answers from a script, for the paths a real one reaches only by failing:
 * `get` and `post` are queues of answers (the last one repeats). Every request is recorded.
 */
export function scriptedFetch(script: { get?: Answer[]; post?: Answer[] }) {
  const calls: Array<{ method: string; body: unknown; cache: RequestCache | undefined }> = [];
  const queues = { GET: [...(script.get ?? [{ status: 200, body: DEFINITION }])], POST: [...(script.post ?? [{ status: 201, body: { status: 'subscribed' } }])] };
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const method = (init?.method ?? 'GET') as 'GET' | 'POST';
    calls.push({ method, body: init?.body ? JSON.parse(String(init.body)) : undefined, cache: init?.cache });
    const queue = queues[method];
    const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer === 'never') return new Promise<Response>(() => {});
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers } });
  };
  return { fetch, calls, posts: () => calls.filter((c) => c.method === 'POST'), gets: () => calls.filter((c) => c.method === 'GET') };
}

/** An error answer in the protocol's shape. */
export function errorAnswer(status: number, code: string, field?: string) {
  return { status, body: { error: field ? { code, message: `server says ${code}`, field } : { code, message: `server says ${code}` } } };
}

/** The form's root element (it carries `data-state`). */
export function rootOf(container: HTMLElement): HTMLElement {
  return container.querySelector<HTMLElement>('.dd-signup')!;
}

/** The React major version this Vitest project runs (18 in the `react-18` project). */
export function reactMajor(): number {
  return inject('reactMajor');
}

declare module 'vitest' {
  // Set per Vitest project in vite.config.ts.
  export interface ProvidedContext {
    reactMajor: number;
  }
}
