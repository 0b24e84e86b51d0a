/** Where a command writes: its answer, and what went wrong. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * A span of time as a person reads it: `12 s`, `3 min 12 s`, `2 h 5 min`, `3 d 4 h`.
 *
 * @example
 * duration(192_000); // '3 min 12 s'
 */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const [d, h, m] = [Math.floor(s / 86_400), Math.floor((s % 86_400) / 3_600), Math.floor((s % 3_600) / 60)];
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s % 60} s`;
  return `${s} s`;
}

/**
 * A moment in UTC to the second, as a log reader compares it: `2026-12-05 02:10:00 UTC`.
 *
 * @example
 * utc(Date.parse('2026-12-05T02:10:00.123Z')); // '2026-12-05 02:10:00 UTC'
 */
export function utc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** An ISO time for JSON output, `null` when unknown. */
export const iso = (at: number | undefined): string | null => (at === undefined ? null : new Date(at).toISOString());

/**
 * Lines padded into columns, for the tables commands print.
 *
 * @example
 * columns([['ID', 'REASON'], ['1b6f…', 'expired']]); // 'ID     REASON\n1b6f…  expired'
 */
export function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
