import { describe, expect, it } from 'vitest';
import { spreadOf } from '../../../core/forecast/statistics';
import { chain, edge, node } from '../build';
import {
  binomialQuantile,
  cohort,
  forecast,
  mail,
  meanTolerance,
  quantileTolerance,
  signupJourney,
} from './helpers';

// Figures a marketer can check by hand: each message is a coin flip per person, so counts over
// the runs follow the binomial law. Tolerances are four standard errors of the estimate.

describe('a message that causes conversions', () => {
  const n = 1_000;
  const p = 0.2;
  const runs = 200;
  const j = signupJourney(
    [
      mail('m1', { convert: p, within: 'P1D' }),
      node('wait', 'wait', { mode: 'duration', duration: 'P2D' }),
      mail('m2'),
    ],
    chain('start', 'm1', 'wait', 'm2'),
  );
  const result = forecast(j, cohort(n), runs);
  const f = result.report.forecast;

  it('converts n·p people on average, with the binomial law’s P10 and P90', () => {
    expect(f?.runs).toBe(runs);
    const caused = f?.conversions.caused;
    expect(Math.abs((caused?.mean ?? 0) - n * p)).toBeLessThan(meanTolerance(n, p, runs));
    for (const [q, got] of [
      [0.1, caused?.p10],
      [0.5, caused?.p50],
      [0.9, caused?.p90],
    ] as const) {
      expect(Math.abs((got ?? 0) - binomialQuantile(n, p, q))).toBeLessThanOrEqual(
        quantileTolerance(n, p, q, runs),
      );
    }
    // Nobody bought on their own: every conversion was caused, by m1.
    expect(f?.conversions.total).toEqual(caused);
    expect(f?.messages.m1?.converted).toEqual(caused);
  });

  it('sends the second message, after the wait, to the n·(1−p) who did not convert', () => {
    const entered = f?.nodes.m2?.entered;
    expect(entered?.mean).toBeCloseTo(n - (f?.conversions.caused.mean ?? 0), 9);
    expect(Math.abs((entered?.mean ?? 0) - n * (1 - p))).toBeLessThan(meanTolerance(n, p, runs));
    // In each run, exactly those who converted are missing.
    for (const run of result.runs ?? []) expect(run.report.nodes.m2?.entered).toBe(n - run.caused);
  });

  it('keeps run 0’s figures as the report’s own, and lists what it assumed', () => {
    const first = result.runs?.[0];
    expect(result.report.conversions.total).toBe(first?.report.conversions.total);
    expect(result.report.nodes.m2?.entered).toBe(n - (first?.caused ?? 0));
    expect(result.report.assumptions).toEqual([
      { node: 'm1', outcome: 'convert', rate: p, within: 'P1D', source: 'node' },
      {
        outcome: 'value',
        source: 'event',
        note: "a caused order is worth its trigger event's revenue, value or price; without one, nothing is counted",
      },
    ]);
  });
});

describe('responses as events the journey reacts to', () => {
  const n = 800;
  const runs = 100;

  it('splits a condition on “Email Opened” by the open rate', () => {
    const q = 0.45;
    const j = signupJourney(
      [
        mail('m1', { open: q, within: 'PT1H' }),
        node('later', 'wait', { mode: 'duration', duration: 'PT2H' }),
        node('opened', 'condition', { event: 'Email Opened', op: 'performed', since: 'entry' }),
      ],
      [...chain('start', 'm1', 'later', 'opened')],
    );
    const result = forecast(j, cohort(n), runs);
    const yes = result.report.forecast?.nodes.opened?.ports.yes;
    expect(Math.abs((yes?.mean ?? 0) - n * q)).toBeLessThan(meanTolerance(n, q, runs));
    for (const run of result.runs ?? [])
      expect(run.report.nodes.opened?.ports.yes).toBe(run.responses.m1?.opened);
  });

  it('waits for a click and goes on through the event port, within the window', () => {
    const j = signupJourney(
      [
        mail('m1', { open: 1, click: 1, within: 'PT6H' }),
        node('click', 'wait', {
          mode: 'event',
          event: 'Email Link Clicked',
          timeout: 'PT6H',
        }),
      ],
      chain('start', 'm1', 'click'),
    );
    const result = forecast(j, cohort(50), 5);
    expect(result.report.forecast?.nodes.click?.ports.event?.p10).toBe(50);
    expect(result.report.forecast?.nodes.click?.ports.timeout?.p90).toBe(0);
  });

  it('skips later messages to people who unsubscribed', () => {
    const u = 0.3;
    const j = signupJourney(
      [
        mail('m1', { unsubscribe: u, within: 'P1D' }),
        node('wait', 'wait', { mode: 'duration', duration: 'P2D' }),
        mail('m2'),
      ],
      chain('start', 'm1', 'wait', 'm2'),
    );
    const result = forecast(j, cohort(n), runs);
    for (const run of result.runs ?? []) {
      const unsubscribed = run.responses.m1?.unsubscribed ?? 0;
      expect(run.report.messages.m2?.skipped.unsubscribed ?? 0).toBe(unsubscribed);
      expect(run.report.messages.m2?.sent).toBe(n - unsubscribed);
    }
    const mean = result.report.forecast?.messages.m1?.unsubscribed.mean ?? 0;
    expect(Math.abs(mean - n * u)).toBeLessThan(meanTolerance(n, u, runs));
    const someone = result.runs?.[0]?.report.messages.m2?.skipped.unsubscribed ?? 0;
    expect(someone).toBeGreaterThan(0);
    // All messages together: each run's sum, spread over the runs.
    const all = result.report.forecast?.allMessages;
    const sums = (result.runs ?? []).map(
      (run) => (run.report.messages.m1?.sent ?? 0) + (run.report.messages.m2?.sent ?? 0),
    );
    expect(all?.sent).toEqual(spreadOf(sums));
    // m2 assumes nothing: every unsubscribe is m1's.
    expect(all?.unsubscribed).toEqual(result.report.forecast?.messages.m1?.unsubscribed);
  });

  it('suppresses the address of people who complained', () => {
    const j = signupJourney(
      [
        mail('m1', { complain: 1, within: 'PT1H' }),
        node('wait', 'wait', { mode: 'duration', duration: 'PT2H' }),
        mail('m2'),
      ],
      chain('start', 'm1', 'wait', 'm2'),
    );
    const result = forecast(j, cohort(20), 3, { trace: new Set(['p0']) });
    expect(result.report.messages.m2).toMatchObject({ sent: 0, skipped: { suppressed: 20 } });
    const trace = (result.traces.get('p0') ?? []).map((step) => step.text);
    expect(trace).toContain(
      'message skipped (suppressed): the address is on the suppression list — p0@example.com is on the suppression list',
    );
  });

  it('causes no conversion for people who buy anyway within the window', () => {
    const p = 0.5;
    const data = cohort(n);
    // Every second person buys an hour after signing up, whatever the journey does.
    for (let i = 0; i < n; i += 2) {
      const signup = data.events[i];
      if (signup) data.events.push({ ...signup, name: 'purchase', time: signup.time + 3_600_000 });
    }
    const j = signupJourney([mail('m1', { convert: p, within: 'P1D' })], chain('start', 'm1'), {
      goal: { event: 'purchase', exit: false, within: 'P2D' },
    });
    const result = forecast(j, data, runs);
    for (const run of result.runs ?? []) {
      expect(run.caused).toBeLessThanOrEqual(n / 2);
      expect(run.report.conversions.total).toBe(n / 2 + run.caused);
    }
    const caused = result.report.forecast?.conversions.caused.mean ?? 0;
    expect(Math.abs(caused - (n / 2) * p)).toBeLessThan(meanTolerance(n / 2, p, runs));
  });
});

describe('rates that change with the person and with the messages before', () => {
  it('lowers the rates of later messages by the fatigue setting', () => {
    const n = 2_000;
    const runs = 40;
    const j = signupJourney(
      [
        mail('m1', { open: 0.5, within: 'PT1H' }),
        node('wait', 'wait', { mode: 'duration', duration: 'PT2H' }),
        mail('m2', { open: 0.5, within: 'PT1H' }),
      ],
      chain('start', 'm1', 'wait', 'm2'),
      { fatigue: { per: 'P7D', decay: 0.5 } },
    );
    const result = forecast(j, cohort(n), runs);
    const opened = result.report.forecast?.messages;
    // The second message comes after one message in the last 7 days: 0.5 × (1 − 0.5).
    expect(Math.abs((opened?.m2?.opened.mean ?? 0) - n * 0.25)).toBeLessThan(
      meanTolerance(n, 0.25, runs),
    );
    expect(Math.abs((opened?.m1?.opened.mean ?? 0) - n * 0.5)).toBeLessThan(
      meanTolerance(n, 0.5, runs),
    );
    expect(result.report.assumptions).toContainEqual({
      outcome: 'fatigue',
      per: 'P7D',
      decay: 0.5,
      source: 'journey',
    });
  });

  it('makes a generated VIP open more than a lapsed customer', () => {
    const n = 1_000;
    const runs = 40;
    const j = signupJourney([mail('m1', { open: 0.4, within: 'PT1H' })], chain('start', 'm1'));
    const run = (persona: string) =>
      forecast(
        j,
        cohort(n, () => ({ persona })),
        runs,
        {
          assume: { data: { channels: {}, personas: true } },
        },
      ).report;
    const vip = run('vip');
    const lapsed = run('lapsed');
    const vipMean = vip.forecast?.messages.m1?.opened.mean ?? 0;
    const lapsedMean = lapsed.forecast?.messages.m1?.opened.mean ?? 0;
    expect(Math.abs(vipMean - n * 0.52)).toBeLessThan(meanTolerance(n, 0.52, runs));
    expect(Math.abs(lapsedMean - n * 0.2)).toBeLessThan(meanTolerance(n, 0.2, runs));
    expect(vip.assumptions).toContainEqual(
      expect.objectContaining({ outcome: 'open', persona: 'vip', multiplier: 1.3 }),
    );
  });
});

describe('revenue and tests', () => {
  it('counts what caused orders are worth, from the trigger event, in whole cents', () => {
    const j = signupJourney([mail('m1', { convert: 0.3, within: 'P1D' })], chain('start', 'm1'));
    const result = forecast(
      j,
      cohort(300, () => ({}), { price: 19.99 }),
      20,
    );
    for (const run of result.runs ?? []) {
      expect(run.revenue.caused).toBe(run.caused * 1999);
      expect(run.revenue.total).toBe(run.revenue.caused);
    }
    expect(result.report.forecast?.revenue.caused.p50).toBeCloseTo(
      (result.report.forecast?.conversions.caused.p50 ?? 0) * 19.99,
      6,
    );
  });

  it('gives incremental conversions against the control, with an interval from 40 runs', () => {
    const p = 0.1;
    const j = signupJourney(
      [
        node('ab', 'split', {
          variants: [
            { key: 'control', weight: 50 },
            { key: 'mail', weight: 50 },
          ],
        }),
        mail('m1', { convert: p, within: 'P1D' }),
      ],
      [edge('start', 'ab'), edge('ab', 'm1', 'mail')],
      // Both arms are measured over the week after they were assigned, whether still in or not.
      { goal: { event: 'purchase', exit: true, within: 'P7D' } },
    );
    const few = forecast(j, cohort(600), 10).report.forecast?.incremental.ab?.mail;
    expect(few?.interval95).toBeNull();
    expect(few?.note).toMatch(/too few runs/);
    const result = forecast(j, cohort(600), 60);
    const lift = result.report.forecast?.incremental.ab?.mail;
    const entered = result.report.forecast?.variants.ab?.mail?.entered.mean ?? 0;
    expect(lift?.vs).toBe('control');
    expect(Math.abs((lift?.conversions.mean ?? 0) - entered * p)).toBeLessThan(
      meanTolerance(Math.round(entered), p, 60),
    );
    expect(lift?.interval95?.low).toBeLessThan(lift?.conversions.p50 ?? 0);
    expect(lift?.interval95?.high).toBeGreaterThan(lift?.conversions.p50 ?? 0);
  });
});
