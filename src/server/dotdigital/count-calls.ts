import { DotdigitalApiError } from './dotdigital-api-error.js';

/**
 * The client with its calls counted: one signup's cost to Dotdigital's call budget, which the
 * per-IP limit charges, so a visitor whose signups cost four calls each spends four times the
 * allowance of one whose cost one. Every attempt Dotdigital answered counts (a retry too, a 4xx
 * too); one it did not (a 5xx, a timeout, a call the shared budget held back) does not: an
 * outage is not the visitor's doing, and must not cost them their signup.
 *
 * @example
 * const counted = countCalls(client);
 * await submitSignup({ ...deps, client: counted.client }, write, tree, deadline);
 * limiter.charge(ip, counted.calls() - 1);
 */
export function countCalls<Client extends object>(client: Client): { client: Client; calls(): number } {
  let calls = 0;
  const answered = (error: unknown) => error instanceof DotdigitalApiError && error.status >= 400 && error.status < 500;
  const counted = Object.fromEntries(
    Object.entries(client).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? async (...args: unknown[]) => {
            try {
              const result: unknown = await (method as (...args: unknown[]) => Promise<unknown>)(...args);
              calls += 1;
              return result;
            } catch (error) {
              if (answered(error)) calls += 1;
              throw error;
            }
          }
        : method,
    ]),
  ) as Client;
  return { client: counted, calls: () => calls };
}
