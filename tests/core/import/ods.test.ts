import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dataFileText } from '../../../core/import/data-file';
import { ImportError } from '../../../core/import/import-problems';
import { loadProfiles } from '../../../core/import/importer';
import { readSheetNames, readSpreadsheet } from '../../../core/import/spreadsheet';
import { cell, ods, row, table, xlsx } from './workbooks';

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const EMPTY_TAIL = '<table:table-cell table:number-columns-repeated="16381"/>';
const EMPTY_ROWS =
  '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';

describe('OpenDocument spreadsheets (.ods) as data', () => {
  it('imports a customer list with Nordic letters as its CSV twin does', async () => {
    const csv =
      'id,namn,stad,kommun\n' +
      'k1,Åsa Öberg,Malmö,Skåne län\n' +
      'k2,Ærøskøbing Ø,Tromsø,"Bærum, Akershus"\n' +
      'k3,"Märta ""Mä"" Ek",Växjö,Kronoberg\n';
    const sheet = ods([
      table('Kunder', [
        row(['id', 'namn', 'stad', 'kommun']),
        row(['k1', 'Åsa Öberg', 'Malmö', 'Skåne län']),
        row(['k2', 'Ærøskøbing Ø', 'Tromsø', 'Bærum, Akershus']),
        row(['k3', 'Märta "Mä" Ek', 'Växjö', 'Kronoberg']),
      ]),
    ]);
    const fromOds = await loadProfiles(sheet);
    const fromCsv = await loadProfiles({ text: csv, name: 'kunder.csv' });
    expect(fromOds.profiles).toEqual(fromCsv.profiles);
    expect(fromOds.summary).toMatchObject({ rows: 3, imported: 3, rejected: 0 });
    expect(fromOds.summary.columns).toEqual(fromCsv.summary.columns);
    expect((await dataFileText(sheet, 'kunder.ods')).text).toBe(csv);
  });

  it('keeps a 19-digit id, reads dates as ISO 8601 and yes/no as true/false', async () => {
    const rows = await readSpreadsheet(
      ods([
        table('Kunder', [
          row(['id', 'signed_up', 'last_seen', 'spend', 'vip']),
          `<table:table-row><table:table-cell office:value-type="float" office:value="2053013552326770905"><text:p>2,05301E+18</text:p></table:table-cell>${cell(new Date(Date.UTC(2026, 0, 31)))}${cell(new Date(Date.UTC(2026, 1, 1, 9, 30)))}<table:table-cell office:value-type="currency" office:currency="SEK" office:value="1234.5"><text:p>1 234,50 kr</text:p></table:table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>SANT</text:p></table:table-cell></table:table-row>`,
        ]),
      ]),
    );
    expect(rows).toEqual([
      ['id', 'signed_up', 'last_seen', 'spend', 'vip'],
      ['2053013552326770905', '2026-01-31', '2026-02-01T09:30:00.000Z', '1234.5', 'true'],
    ]);
  });

  it('reads text as shown: spaces, tabs, line breaks and paragraphs, not a comment', async () => {
    const rows = await readSpreadsheet(
      ods([
        table('Blad1', [
          row(['note']),
          '<table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p></office:annotation><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p><text:p><text:span>e &amp; f</text:span></text:p></table:table-cell></table:table-row>',
        ]),
      ]),
    );
    expect(rows).toEqual([['note'], ['a   b\tc\nd\ne & f']]);
  });

  it('ignores repeated empty rows and columns at the end, cheaply', async () => {
    const started = performance.now();
    const rows = await readSpreadsheet(
      ods([
        table('Kunder', [
          row(['id', 'stad', 'kommun'], EMPTY_TAIL),
          row(['k1', 'Göteborg', undefined], EMPTY_TAIL),
          row([undefined, undefined, undefined], EMPTY_TAIL),
          `<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell>${EMPTY_TAIL}</table:table-row>`,
          EMPTY_ROWS,
        ]),
      ]),
    );
    expect(rows).toEqual([
      ['id', 'stad', 'kommun'],
      ['k1', 'Göteborg', ''],
      ['', '', ''],
      ['x', 'x', ''],
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a sheet whose repeated cells would go past the limits', async () => {
    const wide = await refusal(
      readSpreadsheet(
        ods([
          table('Kunder', [
            row(['id']),
            `<table:table-row><table:table-cell office:value-type="string" table:number-columns-repeated="20000"><text:p>x</text:p></table:table-cell></table:table-row>`,
          ]),
        ]),
        { name: 'kunder.ods' },
      ),
    );
    expect(wide.code).toBe('spreadsheet-too-big');
    const tall = await refusal(
      readSpreadsheet(
        ods([
          table('Kunder', [
            row(['id']),
            `<table:table-row table:number-rows-repeated="2000000">${cell('x')}</table:table-row>`,
          ]),
        ]),
      ),
    );
    expect(tall.code).toBe('spreadsheet-too-big');
    const many = await refusal(
      readSpreadsheet(
        ods([
          table('Kunder', [
            `<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string" table:number-columns-repeated="16000"><text:p>x</text:p></table:table-cell></table:table-row>`,
          ]),
        ]),
      ),
    );
    expect(many.code).toBe('spreadsheet-too-big');
  });

  it('refuses a zip bomb and an oversize file before unpacking', async () => {
    const bomb = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': new Uint8Array(30 * 1024 * 1024),
    });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const error = await refusal(readSpreadsheet(bomb, { name: 'kunder.ods' }));
    expect(error.code).toBe('spreadsheet-too-big');
    expect(error.message).toContain('no real spreadsheet does');
    const huge = new Uint8Array(101 * 1024 * 1024);
    huge.set(ods([table('Kunder', [row(['id'])])]));
    const big = await refusal(readSpreadsheet(huge, { name: 'kunder.ods' }));
    expect(big.code).toBe('spreadsheet-too-big');
  });

  it('refuses an OpenDocument text document as not data', async () => {
    const text = ods([], 'application/vnd.oasis.opendocument.text');
    const error = await refusal(loadProfiles(text));
    expect(error.code).toBe('not-data');
    expect(error.details.kind).toBe('odf');
    expect(error.message).toContain('an OpenDocument text or presentation');
  });
});

describe('choosing a sheet', () => {
  const first = [
    ['id', 'stad'],
    ['k1', 'Malmö'],
  ];
  const second = [
    ['user_id', 'event_type'],
    ['u1', 'köp'],
  ];
  const odsBook = () =>
    ods([
      table(
        'Kunder',
        first.map((r) => row(r)),
      ),
      table(
        'Händelser',
        second.map((r) => row(r)),
      ),
    ]);
  const xlsxBook = () =>
    xlsx([
      { name: 'Kunder', rows: first },
      { name: 'Händelser', rows: second },
    ]);

  for (const [kind, book] of [
    ['xlsx', xlsxBook],
    ['ods', async () => Promise.resolve(odsBook())],
  ] as const) {
    it(`lists the sheets of an .${kind} and reads the second by name and by number`, async () => {
      const bytes = await book();
      expect(await readSheetNames(bytes)).toEqual(['Kunder', 'Händelser']);
      expect(await readSpreadsheet(bytes)).toEqual(first);
      expect(await readSpreadsheet(bytes, { sheet: 'Händelser' })).toEqual(second);
      expect(await readSpreadsheet(bytes, { sheet: 2 })).toEqual(second);
      const opened = await dataFileText(bytes, `data.${kind}`, 'Händelser');
      expect(opened).toMatchObject({
        text: 'user_id,event_type\nu1,köp\n',
        sheets: ['Kunder', 'Händelser'],
      });
    });

    it(`refuses a sheet an .${kind} does not have, naming it`, async () => {
      const bytes = await book();
      const byName = await refusal(readSpreadsheet(bytes, { sheet: 'Order', name: `a.${kind}` }));
      expect(byName.code).toBe('missing-sheet');
      expect(byName.details).toEqual({ file: `a.${kind}`, sheet: 'Order' });
      expect(byName.message).toBe(`"a.${kind}" has no sheet "Order".`);
      const byNumber = await refusal(readSpreadsheet(bytes, { sheet: 3 }));
      expect(byNumber.details.sheet).toBe('3');
    });
  }
});
