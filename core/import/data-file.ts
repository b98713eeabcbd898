import { binaryKind, notDataError, SIGNATURE_BYTES } from './file-kind';
import { readSpreadsheet, sheetToCsv } from './spreadsheet';
import { decodeFileText, type EncodingWarning } from './text-encoding';

/**
 * A data file opened whole (the app's file dialog) as the text the importer reads: CSV, JSON or
 * NDJSON in the encoding its start shows, an Excel workbook's first sheet as CSV. A picture, a
 * PDF or another file that is not data is refused with an `ImportError` saying what it is.
 */
export async function dataFileText(
  bytes: Uint8Array,
  name?: string,
): Promise<{ text: string; warnings: EncodingWarning[]; spreadsheet: boolean }> {
  const kind = binaryKind(bytes.subarray(0, SIGNATURE_BYTES));
  if (kind === 'zip' || kind === 'ole') {
    const rows = await readSpreadsheet(bytes, name === undefined ? {} : { name });
    return { text: sheetToCsv(rows), warnings: [], spreadsheet: true };
  }
  if (kind !== undefined) throw notDataError(kind, name);
  const { text, warnings } = decodeFileText(bytes);
  return { text, warnings, spreadsheet: false };
}
