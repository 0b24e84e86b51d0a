import { describe, expect, it } from 'vitest';
import { mockOptionsFromArgs } from '../../src/mock/mock-options-from-args.js';

describe('dotdigital-signup mock: command-line options', () => {
  it('defaults to port 4010 on 127.0.0.1, or DOTDIGITAL_MOCK_PORT', () => {
    expect(mockOptionsFromArgs([])).toEqual({ port: 4010, host: '127.0.0.1', help: false });
    expect(mockOptionsFromArgs([], { DOTDIGITAL_MOCK_PORT: '4310' }).port).toBe(4310);
  });

  it('maps every flag to a mock option', () => {
    const options = mockOptionsFromArgs([
      '--port', '0', '--host', '0.0.0.0', '--region', 'r2', '--double-opt-in', '--rate-limit', '35', '--hourly-cap', '2000',
      '--latency', '250', '--suppressed', 'a@example.com', '--suppressed', 'b@example.com', '--keep-suppressed',
    ]);
    expect(options).toEqual({
      port: 0, host: '0.0.0.0', help: false, region: 'r2', forceDoubleOptIn: true, rateLimit: { perMinute: 35 }, hourlyCap: 2000,
      latencyMs: 250, suppressed: ['a@example.com', 'b@example.com'], suppressedWrites: 'keep-status',
    });
  });

  it('maps the import, bounce and resubscribe flags', () => {
    const options = mockOptionsFromArgs([
      '--hard-bounced', 'h@example.com', '--complained', 'c@example.com', '--import-processing', '0', '--imports-without-opt-in-email', '--challenge-limit', '2',
      '--import-body-limit', '4096',
    ]);
    expect(options).toEqual({
      port: 4010, host: '127.0.0.1', help: false, hardBounced: ['h@example.com'], complained: ['c@example.com'], importProcessingMs: 0,
      importsSendOptInEmail: false, resubscribeChallengeLimit: { max: 2, windowMs: 86_400_000 }, importBodyLimitBytes: 4096,
    });
    expect(() => mockOptionsFromArgs(['--import-processing=1.5'])).toThrow(/--import-processing must be a whole number of at least 0/);
  });

  it.each([
    [['--rate-limit', 'lots'], /--rate-limit must be a whole number of at least 1/],
    [['--region', 'europe'], /--region must look like r1, r2 or r3/],
    [['--port=1.5'], /--port must be a whole number/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with a message naming the flag', (args, message) => {
    expect(() => mockOptionsFromArgs(args)).toThrow(message);
  });
});
