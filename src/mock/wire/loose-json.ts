/**
 * Reads a property by name in any letter case, as Dotdigital's v2 API does
 * (`Contact`, `contact` and `CONTACT` are the same key). Explicit `null` reads as absent.
 */
export function pick(source: unknown, name: string): unknown {
  if (typeof source !== 'object' || source === null) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(source)) {
    if (key.toLowerCase() === wanted) return value ?? undefined;
  }
  return undefined;
}

/** {@link pick} for a value that should be an array; anything else reads as empty. */
export function pickArray(source: unknown, name: string): unknown[] {
  const value = pick(source, name);
  return Array.isArray(value) ? value : [];
}

/** {@link pick} for a string value; other types read as absent. */
export function pickString(source: unknown, name: string): string | undefined {
  const value = pick(source, name);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A JSON object (not `null`, not an array): what v3 bodies must be, one check for the routes
 * and the contact reader.
 *
 * @example
 * isObject(body) && Array.isArray(body.contacts);
 */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
