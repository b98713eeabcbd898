import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../core/adapters/import/file-source';
import { loadEvents } from '../../../core/import/importer';
import { describeMillis } from '../../../core/model/duration';
import { mergeReports } from '../../../core/simulator/merge-reports';
import { simulate } from '../../../core/simulator/simulate';
import { defaultWindowEnd, journeyLength } from '../../../core/simulator/window';
import { chain, edge } from '../build';
import { at, cartTrigger, email, ev, journey, node, profile, run } from './helpers';
import { makeProfile } from '../../../core/model/profile';

const HOUR = 3_600_000;
const REES46 = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'assets',
  'samples',
  'rees46-multicategory-2019-Oct-head.csv',
);

/** The journey: an hour, a reminder, a day, a second reminder. */
const hourThenDay = journey(
  [
    cartTrigger(),
    node('w1', 'wait', { mode: 'duration', duration: 'PT1H' }),
    email('first'),
    node('w2', 'wait', { mode: 'duration', duration: 'P1D' }),
    email('second'),
  ],
  chain('start', 'w1', 'first', 'w2', 'second'),
  { goal: { event: 'purchase' } },
);

describe('a window shorter than the journey', () => {
  it('is measured along the journey’s longest path, loops gone round once', () => {
    // 1 hour, then a day at its longest (25 hours, across a clock change).
    expect(journeyLength(hourThenDay)).toEqual({ millis: 26 * HOUR, loops: false });
    const looping = journey(
      [cartTrigger(), node('w', 'wait', { mode: 'duration', duration: 'PT12H' }), email('m')],
      [...chain('start', 'w', 'm'), edge('m', 'w')],
    );
    expect(journeyLength(looping)).toEqual({ millis: 12 * HOUR, loops: true });
  });

  it('gets a warning: the REES46 head is 2 h 50 min of data against a journey of 1 hour + 1 day', async () => {
    const { events } = await loadEvents(fileSource(REES46), {
      mapping: 'profile_id=user_id,name=event_type,time=event_time',
    });
    const { report } = simulate({ journey: hourThenDay, events });
    expect(report.window).toEqual({
      start: '2019-10-01T00:00:00.000Z',
      end: '2019-10-01T02:50:00.000Z',
    });
    // Nobody reaches the second email: everyone who got that far is still waiting for the day.
    expect(report.nodes.second?.entered).toBe(0);
    expect(report.waiting.w2).toBe(report.nodes.w2?.entered);
    expect(report.warnings).toEqual([
      {
        code: 'window-shorter-than-journey',
        message:
          'The simulation covers 2 hours 50 minutes, but going through this journey can take up to 26 hours: profiles who enter late are still on their way when it ends, so the later steps are undercounted. Simulate over a longer window.',
      },
    ]);

    // The app's default: past the last event, the journey's 26 hours and the goal's 7 days.
    const last = at('2019-10-01T02:50:00Z');
    const end = defaultWindowEnd(hourThenDay, last);
    expect(end).toBe(last + 26 * HOUR + 7 * 25 * HOUR);
    const covered = simulate({ journey: hourThenDay, events, end }).report;
    expect(covered.warnings).toEqual([]);
    expect(covered.active).toBe(0);
    expect(covered.nodes.second?.entered).toBe(covered.nodes.w2?.entered);
  });

  it('reads durations as a marketer would', () => {
    expect(describeMillis(170 * 60_000)).toBe('2 hours 50 minutes');
    expect(describeMillis(26 * HOUR)).toBe('26 hours');
    expect(describeMillis(45 * 60_000)).toBe('45 minutes');
    expect(describeMillis(201 * HOUR + 1)).toBe('8 days 10 hours');
    expect(describeMillis(7 * 24 * HOUR)).toBe('7 days');
  });
});

describe('more than 7 messages in 7 days', () => {
  const loop = (every: string) =>
    journey(
      [cartTrigger(), node('w', 'wait', { mode: 'duration', duration: every }), email('m')],
      [...chain('start', 'w', 'm'), edge('m', 'w')],
    );

  it('flags the people a loop sends to too often, and names the loop', () => {
    // a: every 12 hours for 7 days (14 emails); b: enters a day before the end (2);
    // c: no address (none sent).
    const result = run(loop('PT12H'), {
      profiles: [profile('c', { email: undefined })],
      events: [
        ev('a', 'cart', '2026-05-01T00:00:00Z'),
        ev('b', 'cart', '2026-05-07T00:00:00Z'),
        ev('c', 'cart', '2026-05-01T00:00:00Z'),
      ],
      end: at('2026-05-08T00:00:00Z'),
    });
    expect(result.report.messages.m?.sent).toBe(14 + 2);
    expect(result.report.frequency).toEqual({
      limit: 7,
      per: 'P7D',
      profiles: 1,
      loops: [{ steps: ['w', 'm'], names: ['Wait 12 hours', 'Email: Hello'] }],
    });
    expect(result.report.warnings).toContainEqual({
      code: 'frequency-over-limit',
      message:
        '1 person would get more than 7 messages in 7 days. Each time round, the loop “Wait 12 hours” → “Email: Hello” sends its messages again. Add a frequency cap, or a way out of the loop.',
    });
  });

  it('flags the REES46 shoppers a loop back to its first wait would email twice a day', async () => {
    const { events } = await loadEvents(fileSource(REES46), {
      mapping: 'profile_id=user_id,name=event_type,time=event_time',
    });
    const ids = [...new Set(events.map((e) => e.profileId))];
    const profiles = ids.map((id) => makeProfile(id, { email: `${id}@example.com` }));
    const j = journey(
      [cartTrigger(), node('w', 'wait', { mode: 'duration', duration: 'PT12H' }), email('m')],
      [...chain('start', 'w', 'm'), edge('m', 'w')],
      { goal: { event: 'purchase' } },
    );
    const start = at('2019-10-01T00:00:00Z');
    const { report } = simulate({
      journey: j,
      profiles,
      events,
      start,
      end: start + 7 * 24 * HOUR,
    });
    // By hand, from the rows in file order: a shopper still in the journey when the data ends
    // (carted, and not bought since) gets an email every 12 hours for the rest of the week.
    // Entered at: the cart that let the shopper in; undefined once bought since.
    const open = new Map<string, number | undefined>();
    for (const line of readFileSync(REES46, 'utf8').trim().split('\n').slice(1)) {
      const cells = line.split(',');
      const user = cells[7] as string;
      const time = Date.parse(`${(cells[0] as string).replace(' UTC', 'Z').replace(' ', 'T')}`);
      if (cells[1] === 'cart' && open.get(user) === undefined) open.set(user, time);
      else if (cells[1] === 'purchase') open.set(user, undefined);
    }
    const entered = [...open.values()].filter((t) => t !== undefined);
    expect(entered.length).toBe(53);
    expect(report.frequency.profiles).toBe(entered.length);
    expect(report.frequency.loops).toEqual([
      { steps: ['w', 'm'], names: ['Wait 12 hours', 'Email: Hello'] },
    ]);
    const emails = entered.reduce(
      (n, t) => n + Math.floor((start + 7 * 24 * HOUR - t) / (12 * HOUR)),
      0,
    );
    expect(report.messages.m?.sent).toBe(emails);
    expect(report.warnings.map((w) => w.code)).toEqual(['frequency-over-limit']);
  });

  it('counts any 7 days: once a day is 7, every 23 hours is 8', () => {
    const events = [ev('a', 'cart', '2026-05-01T00:00:00Z')];
    const end = at('2026-05-12T00:00:00Z');
    const daily = run(loop('P1D'), { events, end }).report;
    expect(daily.messages.m?.sent).toBe(11);
    expect(daily.frequency.profiles).toBe(0);
    expect(daily.warnings.map((w) => w.code)).not.toContain('frequency-over-limit');
    const often = run(loop('PT23H'), { events, end }).report;
    expect(often.frequency.profiles).toBe(1);
  });

  it('adds up over parts of the cohort, as threads do', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `p${i}`);
    const events = ids.map((id, i) => ev(id, 'cart', `2026-05-0${1 + i}T00:00:00Z`));
    const window = { start: at('2026-05-01T00:00:00Z'), end: at('2026-05-10T00:00:00Z') };
    const j = loop('PT12H');
    const whole = run(j, { events, ...window, trace: new Set() }).report;
    const part = (keep: (i: number) => boolean) =>
      run(j, { events: events.filter((_, i) => keep(i)), ...window, trace: new Set() }).report;
    const merged = mergeReports([part((i) => i < 4), part((i) => i >= 4)]);
    // By hand: entering on day d of May, one email every 12 hours gives 2·(10 − d) by the 10th,
    // all within 7 days when there are at most 14; more than 7 for d ≤ 6, so p0–p5.
    expect(whole.frequency.profiles).toBe(6);
    expect(merged.frequency).toEqual(whole.frequency);
    expect(merged.warnings).toEqual(whole.warnings);
  });
});
