import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileSource } from '../../../core/adapters/import/file-source';
import { loadEvents } from '../../../core/import/importer';
import type { JourneyEvent } from '../../../core/model/event';
import { makeProfile } from '../../../core/model/profile';
import { simulate, type SimulationResult } from '../../../core/simulator/simulate';
import { chain, edge, journey, node } from '../build';

const FILE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'assets',
  'samples',
  'rees46-multicategory-2019-Oct-head.csv',
);

/** The cart reminder: wait a while; if no purchase since entering, send a reminder. Buying exits. */
const cartReminder = (wait: string) =>
  journey(
    [
      node('carted', 'trigger', { on: 'event', event: 'cart' }),
      node('wait', 'wait', { mode: 'duration', duration: wait }),
      node('bought', 'condition', { event: 'purchase', op: 'performed', since: 'entry' }),
      node('remind', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Your {{ event.brand | default: "cart" }}',
        html: '<p>Still there?</p>',
      }),
    ],
    [...chain('carted', 'wait', 'bought'), edge('bought', 'remind', 'no')],
    { reentry: 'after_exit', goal: { event: 'purchase', exit: true } },
    'cart-reminder',
  );

interface Expected {
  enrollments: number;
  conversions: number;
  reminders: number;
  active: number;
  refused: number;
}

/**
 * The expected figures, computed straight from the CSV rows without the engine: per user, walk
 * the rows in file order (they are in time order), keeping at most one enrollment open.
 */
function expectedFigures(waitMs: number): Expected {
  const lines = readFileSync(FILE, 'utf8').trim().split('\n').slice(1);
  const end = Date.parse('2019-10-01T02:50:00Z');
  const byUser = new Map<string, { type: string; time: number }[]>();
  for (const line of lines) {
    const cells = line.split(',');
    const time = Date.parse(`${cells[0]?.replace(' UTC', 'Z').replace(' ', 'T')}`);
    const user = cells[7] as string;
    const rows = byUser.get(user) ?? [];
    rows.push({ type: cells[1] as string, time });
    byUser.set(user, rows);
  }
  const out: Expected = { enrollments: 0, conversions: 0, reminders: 0, active: 0, refused: 0 };
  for (const rows of byUser.values()) {
    let open: { entered: number; boughtAtEntry: boolean } | undefined;
    // Purchases seen at an instant, before any cart at that instant.
    let lastPurchase = -1;
    const closeDue = (before: number, inclusive: boolean) => {
      if (!open) return;
      const due = open.entered + waitMs;
      if (due < before || (inclusive && due <= before)) {
        if (!open.boughtAtEntry) out.reminders++;
        open = undefined;
      }
    };
    for (const row of rows) {
      closeDue(row.time, false); // wake-ups before this instant run first
      if (row.type === 'purchase') {
        if (open && row.time >= open.entered) {
          out.conversions++;
          open = undefined;
        }
        lastPurchase = row.time;
      } else if (row.type === 'cart') {
        if (open) out.refused++;
        else {
          out.enrollments++;
          open = { entered: row.time, boughtAtEntry: lastPurchase === row.time };
        }
      }
    }
    closeDue(end, true);
    if (open) out.active++;
  }
  return out;
}

describe.each([
  ['PT30M', 30, { enrollments: 123, conversions: 70, reminders: 2, active: 51, refused: 42 }],
  ['PT5M', 5, { enrollments: 130, conversions: 64, reminders: 54, active: 12, refused: 35 }],
])('replaying the REES46 sample through a cart reminder waiting %s', (wait, minutes, figures) => {
  let result: SimulationResult;
  let events: JourneyEvent[];
  const expected = expectedFigures(minutes * 60_000);

  beforeAll(async () => {
    ({ events } = await loadEvents(fileSource(FILE), {
      mapping: 'profile_id=user_id,name=event_type,time=event_time',
    }));
    const ids = [...new Set(events.map((e) => e.profileId))];
    const profiles = ids.map((id) => makeProfile(id, { email: `${id}@example.com` }));
    result = simulate({ journey: cartReminder(wait), profiles, events });
  });

  it('reads the whole file', () => {
    expect(events).toHaveLength(17_434);
    expect(result.report.profiles).toBe(4_504);
    expect(result.report.window).toEqual({
      start: '2019-10-01T00:00:00.000Z',
      end: '2019-10-01T02:50:00.000Z',
    });
  });

  it('enrolls, converts and reminds exactly as the rows say', () => {
    const { report } = result;
    expect(expected).toEqual(figures);
    expect(report.enrollments).toBe(expected.enrollments);
    expect(report.entriesRefused).toEqual({ already_active: expected.refused });
    expect(report.conversions.total).toBe(expected.conversions);
    expect(report.messages.remind?.sent).toBe(expected.reminders);
    expect(report.active).toBe(expected.active);
    expect(report.nodes.carted?.entered).toBe(expected.enrollments);
  });

  it('balances: every enrollment converted, completed or is still waiting', () => {
    const { outcomes, enrollments } = result.report;
    expect(outcomes.converted + outcomes.completed + outcomes.exited + outcomes.active).toBe(
      enrollments,
    );
  });

  it('prints the brand of the carted item in the reminder', () => {
    const again = simulate({
      journey: cartReminder(wait),
      events,
      keepMessages: 5,
      profiles: [...new Set(events.map((e) => e.profileId))].map((id) =>
        makeProfile(id, { email: `${id}@example.com` }),
      ),
    });
    expect(again.messages.length).toBeGreaterThan(0);
    for (const message of again.messages) {
      expect(message.content.channel).toBe('email');
      if (message.content.channel === 'email') expect(message.content.subject).toMatch(/^Your \S+/);
    }
  });
});
