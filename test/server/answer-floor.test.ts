import { describe, expect, it } from 'vitest';
import { createAnswerFloor } from '../../src/server/signup/answer-floor.js';
import { fakeClock } from '../support/proxy-fixture.js';

describe('the answer floor', () => {
  it('is the slowest kind of pending work seen lately, or the slowest path\'s calls at the usual call time, whichever is longer', () => {
    const floor = createAnswerFloor({ clock: fakeClock(), slowestCalls: 2, capMs: 8_000 });
    expect(floor.floor()).toBe(0);
    floor.learn('unchanged', 40, 1); // one call of 40 ms: two calls would take 80
    expect(floor.floor()).toBe(80);
    floor.learn('returning', 130, 2);
    expect(floor.floor()).toBe(130);
    floor.learn(undefined, 10, 1); // a 201 teaches call times, not a kind
    expect(floor.floor()).toBe(130);
  });

  it('holds an answer until the floor since its work began, and no longer', async () => {
    const clock = fakeClock();
    const floor = createAnswerFloor({ clock, slowestCalls: 2, capMs: 8_000 });
    floor.learn('returning', 100, 2);
    const start = clock.time;
    clock.time += 30;
    await floor.hold(start);
    expect(clock.time - start).toBe(100);
    const late = clock.time;
    clock.time += 150;
    await floor.hold(late);
    expect(clock.time - late).toBe(150); // work slower than the floor is answered when done
  });

  it('is capped (at the retry budget), so one slow outlier cannot hold every answer for long', () => {
    const floor = createAnswerFloor({ clock: fakeClock(), slowestCalls: 2, capMs: 1_000 });
    for (let n = 0; n < 10; n++) floor.learn('written', 5_000, 1);
    expect(floor.floor()).toBe(1_000);
  });
});
