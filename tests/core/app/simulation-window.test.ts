import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { callerOf } from './app-calls';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const REES46 = join(ROOT, 'assets', 'samples', 'rees46-multicategory-2019-Oct-head.csv');
const MAP = 'profile_id=user_id,name=event_type,time=event_time';
const HOUR = 3_600_000;

function service() {
  let clock = Date.parse('2026-05-01T10:00:00Z');
  const app = createAppService({ db: openDatabase(':memory:'), now: () => (clock += 10) });
  const call = callerOf(app);
  return { app, call };
}

describe('the app’s simulation window', () => {
  it('covers the journey and the goal’s attribution window after the last event', async () => {
    const { call } = service();
    const { journey } = await call('createJourney', { name: 'Cart', templateId: 'abandoned-cart' });
    const { dataset } = await call('importDataset', {
      kind: 'events',
      name: 'REES46',
      fileName: 'rees46.csv',
      text: readFileSync(REES46, 'utf8'),
      mapping: MAP,
    });
    const run = await call('simulate', { journeyId: journey.id, eventsDatasetId: dataset.id });
    // By hand, the starter's longest path: wait 1 hour, the first reminder held for quiet hours
    // (21:00–08:00, 11 hours), wait a day (25 hours at most, across a clock change), the second
    // reminder held again (11 hours); then the goal's 7 days (7 × 25 hours at most).
    const last = Date.parse('2019-10-01T02:50:00Z');
    expect(run.report.window).toEqual({
      start: '2019-10-01T00:00:00.000Z',
      end: new Date(last + (1 + 11 + 25 + 11) * HOUR + 7 * 25 * HOUR).toISOString(),
    });
    expect(run.report.warnings).toEqual([]);
    expect(run.report.active).toBe(0);

    // A window the marketer chose, shorter than the journey, is kept and gets the warning.
    const short = await call('simulate', {
      journeyId: journey.id,
      eventsDatasetId: dataset.id,
      end: '2019-10-01T02:50:00.000Z',
    });
    expect(short.report.warnings.map((w) => w.code)).toEqual(['window-shorter-than-journey']);
    expect(short.report.warnings[0]?.message).toMatch(
      /^The simulation covers 2 hours 50 minutes, but going through this journey can take up to 2 days:/,
    );
  });
});
