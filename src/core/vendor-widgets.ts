// Each vendor's browser API, as its documentation gives it (only what we call). Core otherwise
// never touches `document` or `window`: these run only in the browser, in the submitting chunk,
// and only when the proxy's definition names a vendor (see vendor-token.ts).
import type { HumanCheckInfo } from './form-definition.js';
import { HUMAN_CHECK_ACTION } from './human-check-action.js';

type Callbacks = Record<string, (value?: string) => unknown>;
interface Turnstile {
  render(container: HTMLElement, options: Record<string, unknown>): string | null | undefined;
  execute(container: HTMLElement): void;
  reset(widgetId: string): void;
}
interface HCaptcha {
  render(container: HTMLElement, options: Record<string, unknown>): string;
  execute(widgetId: string, options: { async: true }): Promise<{ response: string }>;
  reset(widgetId: string): void;
}
interface GRecaptcha {
  ready(callback: () => void): void;
  execute(siteKey: string, options: { action: string }): PromiseLike<string>;
}

/**
 * The three vendors' checks the proxy can ask for (HumanCheckInfo).
 *
 * @example
 * const kind: VendorKind = 'turnstile';
 */
export type VendorKind = Exclude<HumanCheckInfo, { kind: 'proof-of-work' }>['kind'];

/**
 * One vendor check on the page: a fresh token each call (tokens are single-use); it calls
 * `challenged` when the vendor shows the visitor a challenge (they need time to answer it).
 *
 * @example
 * const token = await widget(() => giveMoreTime());
 */
export type VendorWidget = (challenged: () => void) => Promise<string>;

/**
 * The id of the element a page may hold for the vendor's challenge to show in, when it wants it
 * somewhere other than the bottom-right corner (README, "Bot defense").
 *
 * @example
 * <div id="dotdigital-signup-human-check"></div>
 */
export const CHALLENGE_HOST_ID = 'dotdigital-signup-human-check';

/**
 * Where a vendor's challenge shows, if it needs the visitor (a Turnstile checkbox): a box in the
 * page's `#dotdigital-signup-human-check` when there is one, else fixed in the bottom-right
 * corner (inline style set through the CSSOM, which a strict `style-src` allows).
 */
function challengeBox(): HTMLElement {
  const box = document.createElement('div');
  const host = document.getElementById(CHALLENGE_HOST_ID);
  if (!host) Object.assign(box.style, { position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483647' });
  (host ?? document.body).append(box);
  return box;
}

const global = <T>(name: string) => () => (globalThis as unknown as Record<string, T | undefined>)[name];

/**
 * Per vendor: its script (loaded once per page, only when configured), the global it defines,
 * and how a token is had from it — Turnstile rendered explicitly, shown only if Cloudflare needs
 * the visitor, run on `execute` and reset for the next token; hCaptcha invisible, `execute`
 * awaited; reCAPTCHA v3 with the action the proxy checks (`signup`).
 *
 * @example
 * const { src, api, widget } = VENDOR_WIDGETS.turnstile;
 * const token = await widget(await loadVendorScript(src(siteKey), api), siteKey)(() => {});
 */
export const VENDOR_WIDGETS: Record<VendorKind, { src(siteKey: string): string; api(): unknown; widget(api: never, siteKey: string): VendorWidget }> = {
  turnstile: {
    src: () => 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
    api: global<Turnstile>('turnstile'),
    widget(turnstile: Turnstile, sitekey) {
      let box: HTMLElement | undefined;
      let id: string | null | undefined;
      let waiting: { resolve(token: string): void; reject(cause: Error): void; challenged(): void } | undefined;
      const callbacks: Callbacks = {
        callback: (token) => waiting?.resolve(token!),
        // Returning true tells Turnstile the error is handled (it throws otherwise).
        'error-callback': (code) => (waiting?.reject(new Error(`Turnstile error ${code}`)), true),
        'timeout-callback': () => waiting?.reject(new Error('the Turnstile challenge timed out')),
        'before-interactive-callback': () => waiting?.challenged(),
      };
      return (challenged) => new Promise((resolve, reject) => {
        waiting = { resolve, reject, challenged };
        box ??= challengeBox();
        if (id) turnstile.reset(id); // a widget gives one token: the next needs a reset
        else if (!(id = turnstile.render(box, { sitekey, action: HUMAN_CHECK_ACTION, appearance: 'interaction-only', execution: 'execute', ...callbacks }))) throw new Error('turnstile.render made no widget');
        turnstile.execute(box);
      });
    },
  },
  hcaptcha: {
    // recaptchacompat=off: hCaptcha would otherwise take window.grecaptcha, which the page may use.
    src: () => 'https://js.hcaptcha.com/1/api.js?render=explicit&recaptchacompat=off',
    api: global<HCaptcha>('hcaptcha'),
    widget(hcaptcha: HCaptcha, sitekey) {
      let id: string | undefined;
      let onOpen = () => {};
      return async (challenged) => {
        onOpen = challenged;
        if (id === undefined) id = hcaptcha.render(challengeBox(), { sitekey, size: 'invisible', 'open-callback': () => onOpen() });
        else hcaptcha.reset(id);
        // Rejects with an error code ('challenge-closed', 'challenge-expired', …), not an Error.
        return (await hcaptcha.execute(id, { async: true }).catch((code: unknown) => Promise.reject(new Error(`hCaptcha error ${String(code)}`)))).response;
      };
    },
  },
  recaptcha: {
    src: (siteKey) => `https://www.google.com/recaptcha/api.js?render=${encodeURIComponent(siteKey)}`,
    api: global<GRecaptcha>('grecaptcha'),
    widget: (grecaptcha: GRecaptcha, siteKey) => () => new Promise((resolve, reject) => grecaptcha.ready(() => grecaptcha.execute(siteKey, { action: HUMAN_CHECK_ACTION }).then(resolve, reject))),
  },
};
