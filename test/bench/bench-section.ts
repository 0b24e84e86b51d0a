/** One block of `npm run bench` output: a title and its figures, printed as a table. */
export interface BenchSection {
  title: string;
  /** Rows of `[what, figure, note?]`, e.g. `['p50 latency', '0.41 ms', 'proxy + mock']`. */
  rows: Array<[string, string, string?]>;
}

/** Prints a section as an aligned plain-text table. */
export function printSection(section: BenchSection): void {
  const width = Math.max(...section.rows.map(([what]) => what.length), 10);
  const figure = Math.max(...section.rows.map(([, value]) => value.length), 6);
  console.log(`\n## ${section.title}`);
  for (const [what, value, note] of section.rows) {
    console.log(`  ${what.padEnd(width)}  ${value.padStart(figure)}${note ? `  ${note}` : ''}`);
  }
}

/**
 * Nearest-rank percentile of values sorted ascending: the smallest value with at least
 * `q` (0–1) of the values at or below it. One definition for every section's p50 / p99.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
