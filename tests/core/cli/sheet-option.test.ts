import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { FIXTURES } from '../fixtures';
import { cli } from './cli';

const CART = join(FIXTURES, 'journeys', 'abandoned-cart.json');
const MAP = 'profile_id=user_id,name=event_type,time=event_time';
const dir = mkdtempSync(join(tmpdir(), 'js-sheet-'));

/** A workbook whose first sheet is notes and whose second holds the events. */
async function workbook(): Promise<string> {
  const notes = [['Exported 2019-10-01'], ['see the next sheet']];
  const events = [
    ['user_id', 'event_type', 'event_time'],
    ['u1', 'cart', '2019-10-01T08:00:00Z'],
    ['u2', 'cart', '2019-10-01T09:00:00Z'],
    ['u2', 'purchase', '2019-10-01T09:30:00Z'],
  ];
  const buffer = await writeXlsxFile([
    { data: notes, sheet: 'Anteckningar' },
    { data: events, sheet: 'Händelser' },
  ]).toBuffer();
  const path = join(dir, 'export.xlsx');
  writeFileSync(path, buffer);
  return path;
}

describe('--sheet', () => {
  it('reads the events from the sheet chosen by name or by number', async () => {
    const book = await workbook();
    for (const sheet of ['Händelser', '2']) {
      const { code, stdout, stderr } = await cli(
        'simulate',
        CART,
        '--events',
        book,
        '--map',
        MAP,
        '--sheet',
        sheet,
      );
      expect(stderr).toEqual([]);
      expect(code).toBe(0);
      expect(stdout[1]).toBe('Window 2019-10-01 08:00:00Z → 2019-10-01 09:30:00Z   seed 0');
      expect(stdout[2]).toBe('Profiles 2   enrollments 2   conversions 1   still active 0');
    }
  });

  it('refuses a sheet the workbook does not have, naming it', async () => {
    const book = await workbook();
    const { code, stderr } = await cli('simulate', CART, '--events', book, '--sheet', 'Order');
    expect(code).not.toBe(0);
    expect(stderr.join('\n')).toContain('has no sheet "Order"');
  });

  it('without --sheet reads the first sheet, as before', async () => {
    const book = await workbook();
    const { code, stderr } = await cli('simulate', CART, '--events', book, '--map', MAP);
    expect(code).not.toBe(0);
    expect(stderr.join('\n')).toContain('user_id');
  });
});
