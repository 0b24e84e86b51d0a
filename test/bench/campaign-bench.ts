// `npm run bench -- campaign`: issue 11's figures. A campaign burst of 10,000 signups over three
// `dotdigital-signup serve` instances sharing one Redis, in front of the mock Dotdigital at 35
// calls a minute (a real minute) whose imports take a realistic while to process; then a known
// outage. Reports how long until every signup is in Dotdigital, the API calls that took, the
// visitors' answer times, and how many accepted signups were lost.
import { percentile, type BenchSection } from './bench-section.js';
import { busiestWindow, startCampaign, type SentSignup } from '../support/campaign.js';

const SIGNUPS = Number(process.env.BENCH_CAMPAIGN_SIGNUPS ?? 10_000);
const OUTAGE_SIGNUPS = 1_000;
const CONCURRENCY = 50;
const PER_MINUTE = 35;
/** Dotdigital processes an import of a few thousand contacts in seconds to a minute. */
const IMPORT_PROCESSING_MS = 20_000;
const GIVE_UP_MS = 10 * 60_000;

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const answered = (sent: SentSignup[]) => sent.filter((s) => s.status === 201 || s.status === 202);
const times = (sent: SentSignup[]) => Float64Array.from(sent.map((s) => s.ms)).sort();

async function waitDelivered(undelivered: () => number, deadline: number): Promise<number> {
  while (undelivered() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1_000));
  return undelivered();
}

export async function campaignBench(): Promise<BenchSection> {
  const campaign = await startCampaign({ instances: 3, perWindow: PER_MINUTE, windowMs: 60_000, importProcessingMs: IMPORT_PROCESSING_MS });
  try {
    const started = Date.now();
    const burst = await campaign.burst(SIGNUPS, CONCURRENCY);
    const burstSeconds = (Date.now() - started) / 1000;
    const accepted = answered(burst);
    const left = await waitDelivered(() => campaign.undelivered(accepted).length, started + GIVE_UP_MS);
    const minutes = (Date.now() - started) / 60_000;
    const callsForBurst = campaign.calls.length;
    const burstCalls = campaign.calls.slice(0, callsForBurst);
    const rejected429 = burstCalls.filter((call) => call.status === 429).length;
    const burstTimes = times(burst);

    // A known outage: every call answers 503; the first visitors find it out, the rest should not wait.
    const mockPage = campaign.mock;
    await mockPage.fetch(new Request('http://mock/_mock/outage', { method: 'POST', body: new URLSearchParams({ state: 'on' }) }));
    // The first visitors find the outage out (their calls fail, with retries); then it is known.
    const finders = await campaign.burst(20, 20, undefined, 'f');
    const outage = await campaign.burst(OUTAGE_SIGNUPS, 20, undefined, 'o');
    await mockPage.fetch(new Request('http://mock/_mock/outage', { method: 'POST', body: new URLSearchParams({ state: 'off' }) }));
    const outageAccepted = [...answered(finders), ...answered(outage)];
    const outageLeft = await waitDelivered(() => campaign.undelivered(outageAccepted).length, Date.now() + 3 * 60_000);
    const outageTimes = times(outage);
    const lost = left + outageLeft;
    return {
      title: `Campaign scale: ${SIGNUPS.toLocaleString('en')} signups over 3 serve instances, one Redis, mock at ${PER_MINUTE} calls a minute, imports processed in ${IMPORT_PROCESSING_MS / 1000} s`,
      rows: [
        ['burst sent', `${burstSeconds.toFixed(1)} s`, `${CONCURRENCY} visitors at a time; ${accepted.length} accepted (${burst.filter((s) => s.status === 201).length} live, ${burst.filter((s) => s.status === 202).length} queued)`],
        ['minutes until all delivered', minutes.toFixed(1), `goal ≤ 10${left > 0 ? `; ${left} still undelivered after ${GIVE_UP_MS / 60_000} min` : ''}`],
        ['API calls used', String(callsForBurst), `${burstCalls.filter((call) => call.method === 'PUT').length} imports; ${rejected429} answered 429; busiest minute ${busiestWindow(burstCalls, 60_000)}/${PER_MINUTE}`],
        ['answer time during burst p50', ms(percentile(burstTimes, 0.5))],
        ['answer time during burst p95', ms(percentile(burstTimes, 0.95)), 'goal < 300 ms'],
        ['answer time in known outage p50', ms(percentile(outageTimes, 0.5)), `${OUTAGE_SIGNUPS} signups, 20 at a time, all 503 upstream`],
        ['answer time in known outage p95', ms(percentile(outageTimes, 0.95)), `goal < 100 ms; ${outageAccepted.length} accepted in all`],
        ['answer time finding it out, max', ms(Math.max(...finders.map((s) => s.ms))), 'the 20 visitors before it was known (retries within the budget)'],
        ['API calls during the outage', String(campaign.calls.length - callsForBurst), 'probes, then its backlog delivered once it is back'],
        ['accepted signups lost', String(lost), 'goal 0'],
      ],
    };
  } finally {
    await campaign.close();
  }
}
