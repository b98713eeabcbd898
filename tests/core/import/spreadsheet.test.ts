import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { fileSource } from '../../../core/adapters/import/file-source';
import { dataFileText } from '../../../core/import/data-file';
import { ImportError } from '../../../core/import/import-problems';
import { loadEvents, loadProfiles } from '../../../core/import/importer';
import { readSpreadsheet } from '../../../core/import/spreadsheet';

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(rows as SheetData, {
    dateFormat: 'yyyy-mm-dd hh:mm',
  }).toBuffer();
  return new Uint8Array(buffer);
}

function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

/** A zip written by hand, each file deflated, with the sizes it really has. */
function zip(files: Record<string, Uint8Array>): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72]);

describe('Excel workbooks as data', () => {
  it('reads the first sheet: header row, text, numbers with every digit, dates as ISO', async () => {
    const bytes = await workbook([
      ['id', 'email', 'city', 'signed_up', 'spend'],
      ['2053013552326770905', 'anna@example.se', 'Malmö', new Date(Date.UTC(2026, 0, 31)), 35.5],
      ['c2', 'bo@example.no', 'Tromsø, Norge', new Date(Date.UTC(2026, 1, 1, 9, 30)), 12],
    ]);
    const { profiles, summary } = await loadProfiles(bytes);
    expect(summary).toMatchObject({ format: 'csv', rows: 2, imported: 2, rejected: 0 });
    expect(summary.columns).toEqual(['id', 'email', 'city', 'signed_up', 'spend']);
    expect(profiles).toEqual([
      {
        id: '2053013552326770905',
        attributes: {
          id: '2053013552326770905',
          email: 'anna@example.se',
          city: 'Malmö',
          signed_up: '2026-01-31',
          spend: 35.5,
        },
      },
      {
        id: 'c2',
        attributes: {
          id: 'c2',
          email: 'bo@example.no',
          city: 'Tromsø, Norge',
          signed_up: '2026-02-01T09:30:00.000Z',
          spend: 12,
        },
      },
    ]);
  });

  it('imports events from an .xlsx file on disk, as the command line does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    const path = join(dir, 'events.xlsx');
    const rows: unknown[][] = [['user_id', 'event_type', 'event_time']];
    for (let i = 0; i < 500; i++) {
      rows.push([`u${i % 50}`, i % 2 ? 'view' : 'cart', new Date(Date.UTC(2026, 2, 1, 8, i % 60))]);
    }
    writeFileSync(path, await workbook(rows));
    const { events, summary } = await loadEvents(fileSource(path), {
      mapping: 'profile_id=user_id,name=event_type,time=event_time',
    });
    expect(summary.imported).toBe(500);
    expect(events[1]).toMatchObject({
      profileId: 'u1',
      name: 'view',
      time: Date.UTC(2026, 2, 1, 8, 1),
    });
  });

  it('names a bad row by the row number Excel shows', async () => {
    const bytes = await workbook([
      ['user_id', 'event_type', 'event_time'],
      ['u1', 'view', new Date(Date.UTC(2026, 2, 1))],
      [null, null, null],
      ['u2', 'view', 'last Tuesday'],
    ]);
    const { summary } = await loadEvents(bytes, {
      mapping: 'profile_id=user_id,name=event_type,time=event_time',
    });
    expect(summary.imported).toBe(1);
    expect(summary.problems).toMatchObject([{ line: 4, code: 'bad-time' }]);
  });

  it('opens a workbook whole for the app, as CSV the preview reads', async () => {
    const bytes = await workbook([
      ['id', 'note'],
      ['a', 'says "hi", twice'],
    ]);
    const opened = await dataFileText(bytes, 'kunder.xlsx');
    expect(opened).toEqual({
      text: 'id,note\na,"says ""hi"", twice"\n',
      warnings: [],
      spreadsheet: true,
      sheets: ['Sheet1'],
    });
  });
});

describe('files that are not data', () => {
  it('refuses a PNG picked as data, saying it is a picture', async () => {
    const error = await refusal(loadProfiles(PNG));
    expect(error.code).toBe('not-data');
    expect(error.details.kind).toBe('png');
    expect(error.message).toContain('a picture (PNG), not a customer list');
    // As the app hands it over: text decoded from the bytes.
    const asText = await refusal(
      loadProfiles({ text: new TextDecoder().decode(PNG), name: 'logo.png' }),
    );
    expect(asText.code).toBe('not-data');
    expect((await refusal(dataFileText(PNG, 'logo.png'))).message).toMatch(
      /^"logo\.png" is a picture/,
    );
  });

  it('refuses a PDF and a Word document, and asks for .xlsx instead of an old .xls', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');
    expect((await refusal(loadProfiles(pdf))).details.kind).toBe('pdf');
    const docx = zip({ 'word/document.xml': new TextEncoder().encode('<w:document/>') });
    const word = await refusal(loadProfiles(docx));
    expect(word.code).toBe('not-data');
    expect(word.message).toContain('a Word document');
    const xls = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array<number>(600).fill(0),
    ]);
    const old = await refusal(loadProfiles(xls));
    expect(old.code).toBe('old-spreadsheet');
    expect(old.message).toContain('Save As');
  });

  it('refuses a zip bomb from its table of contents, before unpacking it', async () => {
    // 30 MB of zeros packs to about 30 KB: a thousand to one.
    const bomb = zip({
      'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(30 * 1024 * 1024),
    });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const error = await refusal(readSpreadsheet(bomb, { name: 'kunder.xlsx' }));
    expect(error.code).toBe('spreadsheet-too-big');
    expect(error.message).toContain('no real spreadsheet does');
  });

  it('refuses a damaged workbook with a code', async () => {
    const bytes = await workbook([['id'], ['a']]);
    const cut = bytes.subarray(0, bytes.byteLength - 40);
    expect((await refusal(loadProfiles(cut))).code).toBe('bad-spreadsheet');
  });
});
