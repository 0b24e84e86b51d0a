/**
 * A wait as people say it, in the form's language: "30 seconds", "2 minutes", "1 hour".
 * The unit names come from `Intl.NumberFormat`, so singular and plural are right in every
 * language (including one the form has no built-in messages for); the widget passes it to the
 * `…RetryAfter` messages, which put it in "Try again in about …".
 *
 * @example
 * waitDuration(30, 'en');  // '30 seconds'
 * waitDuration(120, 'de'); // '2 Minuten'
 */
export function waitDuration(seconds: number, locale: string): string {
  const whole = Math.max(1, Math.round(seconds));
  // Up to 89 seconds in seconds ("about 75 seconds" beats "about 1 minute"), then minutes, then hours.
  const [value, unit] = whole < 90 ? [whole, 'second'] : whole < 3600 ? [Math.round(whole / 60), 'minute'] : [Math.round(whole / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
