// The checks `optionsFromEnv` and `queueFromEnv` share, so every variable a user gets wrong
// is reported the same way: its name, the value found, and what it should hold.

/** Environment variables, as `process.env` holds them. */
export type Env = Record<string, string | undefined>;

/**
 * Throws the error for a variable that cannot be right.
 *
 * @example
 * bad('DOTDIGITAL_REGION', 'europe', 'use r1, r2 or r3');
 */
export function bad(name: string, value: string, want: string): never {
  throw new Error(`${name}=${JSON.stringify(value)} is not valid: ${want} (see README, "Proxy options").`);
}

/**
 * A whole number ≥ `min`; unset or blank: `undefined`.
 *
 * @example
 * whole(process.env, 'SIGNUP_ADDRESS_BOOK_ID', 1);
 */
export function whole(env: Env, name: string, min: number): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) bad(name, value, `use a whole number ≥ ${min}`);
  return Number(value);
}

/**
 * A number > 0, fractions allowed; unset or blank: `undefined`.
 *
 * @example
 * positive(process.env, 'SIGNUP_QUEUE_MAX_AGE_HOURS');
 */
export function positive(env: Env, name: string): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) bad(name, value, 'use a number > 0');
  return Number(value);
}
