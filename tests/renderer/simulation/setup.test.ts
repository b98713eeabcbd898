import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../core/api/data-contract';
import {
  EMPTY_SETUP,
  inputFromUtc,
  readSetup,
  utcFromInput,
} from '../../../renderer/simulation/setup';
import { sayIn } from '../translator';

const dataset = (id: string, kind: Dataset['kind']): Dataset => ({
  id,
  kind,
  name: id,
  source: 'import',
  rows: 10,
  rejected: 0,
  columns: [],
  importedAt: '2026-01-01T00:00:00.000Z',
  profiles: 10,
});
const datasets = [dataset('ev', 'events'), dataset('pr', 'profiles')];

describe('the simulation form', () => {
  it('reads times typed in UTC, and shows instants back the same way', () => {
    expect(utcFromInput('2019-10-01T00:00')).toBe('2019-10-01T00:00:00.000Z');
    expect(utcFromInput('2019-10-01')).toBeUndefined();
    expect(inputFromUtc('2019-10-01T02:50:00.000Z')).toBe('2019-10-01T02:50');
  });

  it('defaults to the events’ own range', () => {
    expect(readSetup({ ...EMPTY_SETUP, eventsDatasetId: 'ev' }, datasets)).toEqual({
      ok: true,
      params: { eventsDatasetId: 'ev', seed: 0 },
    });
  });

  it('reads a start with a number of days, or an end, and the seed', () => {
    expect(
      readSetup(
        {
          ...EMPTY_SETUP,
          eventsDatasetId: 'ev',
          profilesDatasetId: 'pr',
          start: '2019-10-01T00:00',
          length: 'days',
          days: '3',
          seed: '7',
        },
        datasets,
      ),
    ).toEqual({
      ok: true,
      params: {
        eventsDatasetId: 'ev',
        profilesDatasetId: 'pr',
        start: '2019-10-01T00:00:00.000Z',
        days: 3,
        seed: 7,
      },
    });
    expect(
      readSetup(
        { ...EMPTY_SETUP, eventsDatasetId: 'ev', length: 'end', end: '2019-10-02T12:00' },
        datasets,
      ),
    ).toMatchObject({ ok: true, params: { end: '2019-10-02T12:00:00.000Z' } });
  });

  it('says what is missing before asking the engine', () => {
    const problem = (setup: Partial<typeof EMPTY_SETUP>) => {
      const result = readSetup({ ...EMPTY_SETUP, ...setup }, datasets);
      return result.ok ? undefined : sayIn('en', result.problem);
    };
    expect(problem({})).toMatch(/Choose sample data/);
    expect(problem({ eventsDatasetId: 'gone' })).toMatch(/no longer there/);
    expect(problem({ eventsDatasetId: 'ev', seed: '-1' })).toMatch(/Same number, same result/);
    expect(problem({ eventsDatasetId: 'ev', length: 'days', days: '0' })).toMatch(/days/);
    expect(
      problem({
        eventsDatasetId: 'ev',
        start: '2019-10-02T00:00',
        length: 'end',
        end: '2019-10-01T00:00',
      }),
    ).toMatch(/before the start/);
    // Profiles alone have no time range of their own.
    expect(problem({ profilesDatasetId: 'pr' })).toMatch(/give a start and a length/);
    expect(
      problem({ profilesDatasetId: 'pr', start: '2026-01-01T00:00', length: 'days', days: '30' }),
    ).toBeUndefined();
  });
});
