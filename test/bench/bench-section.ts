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
