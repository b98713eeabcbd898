import { beforeAll, describe, expect, it } from 'vitest';
import { fileSource } from '../../../core/adapters/import/file-source';
import { loadEvents } from '../../../core/import/importer';
import type { ImportSummary } from '../../../core/import/importer';
import type { JourneyEvent } from '../../../core/model/event';
import { REES46, REES46_MAPPING } from './data';

describe('the REES46 sample, read as its README says', () => {
  let events: JourneyEvent[];
  let summary: ImportSummary;
  beforeAll(async () => {
    ({ events, summary } = await loadEvents(fileSource(REES46), { mapping: REES46_MAPPING }));
  });

  it('imports every one of its 17,434 rows', () => {
    expect(summary).toMatchObject({ format: 'csv', rows: 17434, imported: 17434, rejected: 0 });
    expect(summary.problems).toEqual([]);
    expect(summary.columns).toEqual([
      'event_time',
      'event_type',
      'product_id',
      'category_id',
      'category_code',
      'brand',
      'price',
      'user_id',
      'user_session',
    ]);
  });

  it('finds 4,504 shoppers and the three kinds of event', () => {
    expect(new Set(events.map((e) => e.profileId)).size).toBe(4504);
    const byName: Record<string, number> = {};
    for (const e of events) byName[e.name] = (byName[e.name] ?? 0) + 1;
    expect(byName).toEqual({ view: 17055, purchase: 214, cart: 165 });
  });

  it('reads the first event at midnight UTC and the mapped columns are not properties', () => {
    expect(new Date(events[0]!.time).toISOString()).toBe('2019-10-01T00:00:00.000Z');
    expect(events[0]).toEqual({
      profileId: '541312140',
      name: 'view',
      time: Date.UTC(2019, 9, 1),
      properties: {
        product_id: 44600062,
        category_id: '2103807459595387724',
        brand: 'shiseido',
        price: 35.79,
        user_session: '72d76fde-8bb3-4e00-8c23-a032dfed738c',
      },
    });
    expect(new Date(events.at(-1)!.time).toISOString()).toBe('2019-10-01T02:50:00.000Z');
  });

  it('keeps the 19-digit category_id as exact text', () => {
    for (const e of events) expect(e.properties.category_id).toMatch(/^\d{19}$/);
    expect(events[1]!.properties.category_id).toBe('2053013552326770905');
  });

  it('leaves brand absent where the cell is empty (2,477 rows)', () => {
    expect(events.filter((e) => !('brand' in e.properties))).toHaveLength(2477);
    expect(events.some((e) => e.properties.brand === '')).toBe(false);
  });

  it('keeps prices written with a trailing zero as text, and others as numbers', () => {
    expect(events[1]!.properties.price).toBe('33.20');
    expect(events[0]!.properties.price).toBe(35.79);
  });
});
