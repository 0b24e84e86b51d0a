import { canonicalLocale, localeChain } from '../shared/locale-tag.js';

/** A setting's values by canonical locale, and the option path each came from (for messages). */
export type LocaleValues<T> = Map<string, { value: T; where: string }>;

/**
 * Reads one per-locale setting (`{ en: '…', de: '…' }`) into {@link LocaleValues}: every key a
 * language tag (spelled canonically: `de_at` is `de-AT`), no locale twice, every value checked
 * by `read` (which names what it wants and fails otherwise). A failure names the option path.
 *
 * @example
 * localeValues({ de: 'Vorname' }, 'fields[0].label', text, fail); // Map { 'de' => { value: 'Vorname', where: 'fields[0].label.de' } }
 */
export function localeValues<T>(record: unknown, where: string, read: (value: unknown, where: string) => T, fail: (problem: string) => never): LocaleValues<T> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) fail(`\`${where}\` must be an object by locale, e.g. { en: '…', de: '…' }`);
  const values: LocaleValues<T> = new Map();
  for (const [key, value] of Object.entries(record)) {
    const locale = canonicalLocale(key);
    const path = `${where}.${key.slice(0, 40)}`;
    if (!locale) fail(`\`${path}\`: ${JSON.stringify(key.slice(0, 40))} is not a language tag — use one such as 'de' or 'de-AT'`);
    if (values.has(locale)) fail(`\`${where}\` names ${locale} twice (${values.get(locale)!.where.slice(where.length + 1)} and ${key.slice(0, 40)})`);
    values.set(locale, { value: read(value, path), where: path });
  }
  return values;
}

/**
 * A visible text: a string with something in it besides white space.
 *
 * @example
 * visibleText('Vorname', 'fields[0].label.de', fail); // 'Vorname'
 */
export function visibleText(value: unknown, where: string, fail: (problem: string) => never): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`\`${where}\` must be the text to show, not ${value === '' ? 'empty' : JSON.stringify(value)?.slice(0, 40)}`);
  return value;
}

/**
 * The value a locale takes from a per-locale setting: its own, else its language's (`de-AT`
 * takes `de`'s); `undefined` when neither is set (the caller decides the fallback).
 *
 * @example
 * inLocale(values, 'de-AT'); // values.get('de-AT') ?? values.get('de')
 */
export function inLocale<T>(values: LocaleValues<T>, locale: string): T | undefined {
  for (const tag of localeChain(locale)) {
    const found = values.get(tag);
    if (found) return found.value;
  }
  return undefined;
}
