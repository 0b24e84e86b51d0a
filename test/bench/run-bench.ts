// `npm run bench`: every speed and size figure of the project, from one run (after
// `npm run build`). Each section is a module exporting an async function that returns a
// BenchSection (or several); add yours to the list below.
import { existsSync } from 'node:fs';
import { printSection, type BenchSection } from './bench-section.js';
import { mockBench } from './mock-bench.js';
import { pageLoadBench } from './page-load-bench.js';
import { sizeBench } from './size-bench.js';

type Section = () => Promise<BenchSection | BenchSection[]>;
const sections: Section[] = [sizeBench, pageLoadBench, mockBench];

// The proxy's figures live in proxy-bench.ts, written by the proxy's owner; it exports
// `proxyBench(): Promise<BenchSection | BenchSection[]>`.
const proxyModule = new URL('./proxy-bench.ts', import.meta.url);
if (existsSync(proxyModule)) {
  const { proxyBench } = (await import(proxyModule.href)) as { proxyBench?: Section };
  if (typeof proxyBench !== 'function') throw new Error('test/bench/proxy-bench.ts must export `proxyBench(): Promise<BenchSection | BenchSection[]>`.');
  sections.push(proxyBench);
}

console.log(`dotdigital-signup bench — node ${process.version}, ${new Date().toISOString()}`);
for (const run of sections) for (const section of [await run()].flat()) printSection(section);
if (!existsSync(proxyModule)) console.log('\n(proxy figures: test/bench/proxy-bench.ts is not on this branch yet)');
