// `npm run bench`: every speed and size figure of the project, from one run (after
// `npm run build`). Each section is a module exporting an async function that returns a
// BenchSection (or several); add yours to the list below.
import { printSection, type BenchSection } from './bench-section.js';
import { mockBench } from './mock-bench.js';
import { pageLoadBench } from './page-load-bench.js';
import { proxyBench } from './proxy-bench.js';
import { sizeBench } from './size-bench.js';

const sections: Array<() => Promise<BenchSection | BenchSection[]>> = [sizeBench, pageLoadBench, mockBench, proxyBench];

console.log(`dotdigital-signup bench — node ${process.version}, ${new Date().toISOString()}`);
for (const run of sections) for (const section of [await run()].flat()) printSection(section);
