// `npm run bench`: every speed and size figure of the project, from one run.
// Each section is a module exporting an async function that returns a BenchSection;
// add yours to the list below.
import { printSection, type BenchSection } from './bench-section.js';
import { mockBench } from './mock-bench.js';
import { proxyBench } from './proxy-bench.js';

const sections: Array<() => Promise<BenchSection>> = [mockBench, proxyBench];

console.log(`dotdigital-signup bench — node ${process.version}, ${new Date().toISOString()}`);
for (const run of sections) printSection(await run());
if (sections.length === 0) console.log('\n(no bench sections yet)');
