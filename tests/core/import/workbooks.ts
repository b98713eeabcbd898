/** Workbooks made in a test, as LibreOffice and Excel write them: no spreadsheet program needed. */
import { strToU8, zipSync } from 'fflate';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A cell as LibreOffice writes it: text in a paragraph, numbers and dates with their value. */
export function cell(value: string | number | Date | undefined): string {
  if (value === undefined) return '<table:table-cell/>';
  if (typeof value === 'number') {
    return `<table:table-cell office:value-type="float" office:value="${value}"><text:p>${value.toLocaleString('sv-SE')}</text:p></table:table-cell>`;
  }
  if (value instanceof Date) {
    const iso = value.toISOString().slice(0, 19);
    const stored = iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso;
    return `<table:table-cell office:value-type="date" office:date-value="${stored}"><text:p>${value.toLocaleDateString('sv-SE')}</text:p></table:table-cell>`;
  }
  return `<table:table-cell office:value-type="string"><text:p>${escape(value)}</text:p></table:table-cell>`;
}

/** A sheet's rows, each ending as LibreOffice ends them: the rest of the row empty. */
export function table(name: string, rows: string[]): string {
  return `<table:table table:name="${name}"><table:table-column table:number-columns-repeated="3"/>${rows.join('')}</table:table>`;
}

export function row(cells: (string | number | Date | undefined)[], tail = ''): string {
  return `<table:table-row>${cells.map(cell).join('')}${tail}</table:table-row>`;
}

/** An .ods file: a stored `mimetype` first, then the sheets in content.xml. */
export function ods(tables: string[], mimetype = 'application/vnd.oasis.opendocument.spreadsheet') {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document-content>`;
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8('<manifest:manifest/>'),
  });
}

export async function xlsx(sheets: { name: string; rows: unknown[][] }[]): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(
    sheets.map((s) => ({ data: s.rows as SheetData, sheet: s.name })),
  ).toBuffer();
  return new Uint8Array(buffer);
}
