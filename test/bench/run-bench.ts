// `npm run bench`: every speed and size figure of the project, from one run (after
// `npm run build`). Each section is a module exporting an async function that returns a
// BenchSection (or several); add yours to the list below.
// `npm run bench -- proxy` (or `tsx test/bench/run-bench.ts proxy mock`) runs only the named sections;
// `npm run bench -- campaign` runs issue 11's campaign figures alone (about 5 minutes); `-- timing`
// issue 20's answer times by address history (about a minute); `-- human-check` issue 21's proof-of-work figures.
import { printSection, type BenchSection } from './bench-section.js';
import { campaignBench } from './campaign-bench.js';
import { humanCheckBench } from './human-check-bench.js';
import { mockBench } from './mock-bench.js';
import { pageLoadBench } from './page-load-bench.js';
import { proxyBench } from './proxy-bench.js';
import { sizeBench } from './size-bench.js';
import { timingBench } from './timing-bench.js';

const sections: Record<string, () => Promise<BenchSection | BenchSection[]>> = { size: sizeBench, 'page-load': pageLoadBench, mock: mockBench, proxy: proxyBench, timing: timingBench, 'human-check': humanCheckBench, campaign: campaignBench };

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in sections));
if (unknown.length > 0) {
  console.error(`Unknown bench section(s): ${unknown.join(', ')}. Choose from: ${Object.keys(sections).join(', ')}.`);
  process.exit(1);
}

console.log(`dotdigital-signup bench — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(sections)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  for (const section of [await run()].flat()) printSection(section);
}
