import { createServer, type Server } from 'node:http';

// The three vendors' browser scripts, faked for jsdom: a script element the widget adds is
// "fetched" by a MutationObserver that installs the vendor's global and fires `load` (or `error`,
// or nothing: a script that never answers). Each fake issues unique tokens and registers them
// with a loopback siteverify that accepts each token once, as the vendors do.

export type VendorKind = 'turnstile' | 'hcaptcha' | 'recaptcha';
/** What a fake vendor does when asked for a token. */
export type Behaviour = 'token' | 'error' | 'silent' | 'challenge';

/** A loopback siteverify: accepts tokens the fakes issued, each once; answers `timeout-or-duplicate` otherwise. */
export async function startFakeSiteverify(hostname: string) {
  const valid = new Set<string>();
  const refuse = new Set<string>();
  const asked: string[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const token = new URLSearchParams(text).get('response') ?? '';
      asked.push(token);
      const ok = valid.delete(token) && !refuse.has(token);
      // reCAPTCHA's tokens carry the action they were made for (rc|action|n), as Google's answer does.
      const action = token.startsWith('rc|') ? { action: token.split('|')[1], score: 0.9 } : {};
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(ok ? { success: true, hostname, challenge_ts: new Date().toISOString(), ...action } : { success: false, 'error-codes': ['timeout-or-duplicate'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/siteverify`,
    valid,
    /** Tokens siteverify refuses although issued (the vendor said no). */
    refuse,
    /** Every token siteverify was asked about, in order. */
    asked,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/**
 * Installs the fake script loading on `document` and returns the fakes' controls: `network`
 * says how each script URL answers, `calls` records every call the widget made on a vendor,
 * `behaviour` what the next token request does. `stop()` undoes everything.
 */
export function installFakeVendors(issued: Set<string>) {
  const calls: Array<[string, ...unknown[]]> = [];
  const network = new Map<string, 'ok' | 'fail' | 'hang'>();
  const state = { behaviour: 'token' as Behaviour, count: 0, pending: [] as Array<() => void> };
  const issue = (prefix: string) => {
    const token = `${prefix}${++state.count}`;
    issued.add(token);
    return token;
  };
  // How a token request goes: `deliver` with a token, `fail` with an error code, `challenged` when shown to the visitor.
  const run = (deliver: (token: string) => void, fail: (code: string) => void, challenged: () => void, prefix: string) =>
    setTimeout(() => {
      if (state.behaviour === 'token') deliver(issue(prefix));
      else if (state.behaviour === 'error') fail('110200');
      else if (state.behaviour === 'challenge') {
        challenged();
        state.pending.push(() => deliver(issue(prefix))); // the visitor answers when the test says so
      }
    }, 5);
  const vendors: Record<VendorKind, () => unknown> = {
    turnstile: () => {
      const widgets = new Map<HTMLElement, { id: string; options: Record<string, (value?: string) => void> }>();
      return {
        render(container: HTMLElement, options: Record<string, never>) {
          calls.push(['render', { ...options }]);
          const id = `widget-${widgets.size + 1}`;
          widgets.set(container, { id, options });
          return id;
        },
        execute(container: HTMLElement) {
          const widget = widgets.get(container);
          calls.push(['execute', widget?.id]);
          const o = widget!.options;
          run((t) => o.callback!(t), (code) => o['error-callback']!(code), () => o['before-interactive-callback']!(), 'ts');
        },
        reset: (id: string) => calls.push(['reset', id]),
      };
    },
    hcaptcha: () => {
      const widgets: Array<Record<string, () => void>> = [];
      return {
        render(container: HTMLElement, options: Record<string, never>) {
          calls.push(['render', { ...options }]);
          widgets.push(options);
          return `h${widgets.length}`;
        },
        execute(id: string, options: { async: boolean }) {
          calls.push(['execute', id, options]);
          return new Promise((resolve, reject) => run((response) => resolve({ response, key: 'k' }), () => reject('challenge-closed'), () => widgets[Number(id.slice(1)) - 1]!['open-callback']!(), 'hc'));
        },
        reset: (id: string) => calls.push(['reset', id]),
      };
    },
    recaptcha: () => ({
      ready: (callback: () => void) => setTimeout(callback, 1),
      execute(siteKey: string, options: { action: string }) {
        calls.push(['execute', siteKey, options]);
        return new Promise((resolve, reject) => run(resolve, reject, () => {}, `rc|${options.action}|`));
      },
    }),
  };
  const globals: Record<VendorKind, string> = { turnstile: 'turnstile', hcaptcha: 'hcaptcha', recaptcha: 'grecaptcha' };
  const kindOf = (src: string): VendorKind | undefined =>
    src.startsWith('https://challenges.cloudflare.com/') ? 'turnstile' : src.startsWith('https://js.hcaptcha.com/') ? 'hcaptcha' : src.startsWith('https://www.google.com/recaptcha/') ? 'recaptcha' : undefined;
  const observer = new MutationObserver((records) => {
    for (const node of records.flatMap((record) => [...record.addedNodes])) {
      if (!(node instanceof HTMLScriptElement)) continue;
      const kind = kindOf(node.src);
      const answer = network.get(node.src) ?? (kind ? 'ok' : 'fail');
      setTimeout(() => {
        if (answer === 'hang') return;
        if (answer === 'ok' && kind) (window as unknown as Record<string, unknown>)[globals[kind]] = vendors[kind]();
        node.dispatchEvent(new Event(answer === 'ok' ? 'load' : 'error'));
      }, 2);
    }
  });
  observer.observe(document.head, { childList: true });
  return {
    calls,
    network,
    state,
    /** The visitor answers every challenge shown. */
    answer: () => state.pending.splice(0).forEach((deliver) => deliver()),
    scripts: () => [...document.querySelectorAll('script')].map((script) => ({ src: script.src, async: script.async })),
    stop() {
      observer.disconnect();
      for (const name of Object.values(globals)) delete (window as unknown as Record<string, unknown>)[name];
      document.head.replaceChildren();
      document.body.replaceChildren();
    },
  };
}
