import type { ProofSource } from './proof-source.js';
import { loadVendorScript } from './vendor-script.js';
import { VENDOR_WIDGETS, type VendorKind, type VendorWidget } from './vendor-widgets.js';

/**
 * How long a token may take (the vendor's script loading included) before the submit goes on without one.
 *
 * @example
 * setTimeout(giveUp, VENDOR_WAIT_MS);
 */
export const VENDOR_WAIT_MS = 30_000;
/**
 * Once the vendor shows the visitor a challenge (a checkbox, pictures), a person gets this long to answer it.
 *
 * @example
 * onChallengeShown(() => setTimeout(giveUp, VENDOR_CHALLENGE_MS));
 */
export const VENDOR_CHALLENGE_MS = 300_000;

/**
 * Proofs from a vendor's check (Cloudflare Turnstile, hCaptcha, Google reCAPTCHA v3): `prepare()`
 * when the form is shown loads the vendor's script (once per page, and only then); `take()` at
 * submit gets a fresh token, since tokens are single-use and short-lived (so none is made ahead).
 *
 * A check that cannot give a token — the script blocked by the page's Content-Security-Policy or
 * an ad blocker, a vendor error, no answer within {@link VENDOR_WAIT_MS} — resolves `undefined`
 * and says why in the console. The signup then goes without a token and the proxy refuses it
 * (`human_check_failed`, the form's own message in the visitor's language): the proxy alone
 * decides, and its refusal is the error every copy of the form knows how to show.
 *
 * @example
 * const proofs = createVendorProofs({ kind: 'turnstile', siteKey: '0x4AAAAAAA…' });
 * proofs.prepare();                 // the form is shown: load Turnstile's script
 * const proof = await proofs.take(); // at submit: a fresh token, or undefined
 */
export function createVendorProofs(check: { kind: VendorKind; siteKey: string }): ProofSource {
  const vendor = VENDOR_WIDGETS[check.kind];
  let widget: Promise<VendorWidget> | undefined;
  const start = () => {
    const made = loadVendorScript(vendor.src(check.siteKey), vendor.api).then((api) => vendor.widget(api as never, check.siteKey));
    made.catch(() => widget === made && (widget = undefined)); // a failed load is tried again at the next submit
    return made;
  };
  return {
    prepare() {
      widget ??= start();
    },
    async take() {
      try {
        return await bounded((challenged) => (widget ??= start()).then((token) => token(challenged)));
      } catch (cause) {
        console.error(`dotdigital-signup: the ${check.kind} check gave no token (${(cause as Error)?.message ?? String(cause)}), so the proxy will refuse this signup. Is ${vendor.src(check.siteKey)} allowed by the page's Content-Security-Policy? (README, "Bot defense")`);
        return undefined;
      }
    },
  };
}

/** `work`, given {@link VENDOR_WAIT_MS} (from when the vendor shows a challenge, {@link VENDOR_CHALLENGE_MS}): a vendor that never calls back must not leave the form spinning. */
function bounded<T>(work: (challenged: () => void) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wait = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new Error(`no token within ${ms / 1000} s`)), ms);
    };
    wait(VENDOR_WAIT_MS);
    work(() => wait(VENDOR_CHALLENGE_MS)).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
