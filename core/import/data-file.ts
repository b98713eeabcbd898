import { binaryKind, notDataError, SIGNATURE_BYTES } from './file-kind';
import { readWorkbook, sheetToCsv } from './spreadsheet';
import { decodeFileText, type EncodingWarning } from './text-encoding';

/** A data file as the importer reads it; a workbook's `sheets` are all its sheets' names. */
export interface DataFileText {
  text: string;
  warnings: EncodingWarning[];
  spreadsheet: boolean;
  sheets?: string[];
}

/**
 * A data file opened whole (the app's file dialog) as the text the importer reads: CSV, JSON or
 * NDJSON in the encoding its start shows, a workbook's sheet (`sheet`, by name or number; the
 * first by default) as CSV. A picture, a PDF or another file that is not data is refused with an
 * `ImportError` saying what it is.
 */
export async function dataFileText(
  bytes: Uint8Array,
  name?: string,
  sheet?: string | number,
): Promise<DataFileText> {
  const kind = binaryKind(bytes.subarray(0, SIGNATURE_BYTES));
  if (kind === 'zip' || kind === 'ole') {
    const { rows, sheets } = await readWorkbook(bytes, {
      ...(name !== undefined && { name }),
      ...(sheet !== undefined && { sheet }),
    });
    return { text: sheetToCsv(rows), warnings: [], spreadsheet: true, sheets };
  }
  if (kind !== undefined) throw notDataError(kind, name);
  const { text, warnings } = decodeFileText(bytes);
  return { text, warnings, spreadsheet: false };
}
