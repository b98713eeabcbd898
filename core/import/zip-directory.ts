import { Inflate } from 'fflate';
import { ImportError } from './import-problems';

/** One file in a zip's central directory, with the sizes it declares. */
export interface ZipEntry {
  readonly name: string;
  readonly compressed: number;
  readonly size: number;
  /** How it is packed: 0 stored, 8 deflated (the only two a spreadsheet uses). */
  readonly method: number;
  /** Where its local header starts in the zip. */
  readonly offset: number;
}

/** More files than any workbook has (a sheet, its styles, strings, relations, a few pictures). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Unpacked, a workbook may hold this much; 1M rows of a wide sheet fit. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
/**
 * Sheet XML packs about 10–30 times smaller; a zip bomb packs a thousand times or more. Files this
 * small unpack to little whatever their ratio.
 */
export const MAX_PACKING_RATIO = 400;
const RATIO_FROM_BYTES = 1024 * 1024;

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** How much packed data is unpacked at a time: at most about 16 MB comes out of it. */
const INFLATE_STEP = 16 * 1024;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
}

function broken(name: string | undefined, why: string): ImportError {
  return new ImportError(
    'bad-spreadsheet',
    `${name === undefined ? 'This file' : `"${name}"`} looks like a spreadsheet (Excel or OpenDocument) or a zip file but cannot be opened: ${why}. Open it in your spreadsheet program and save it again, or save it as CSV.`,
    name === undefined ? {} : { file: name },
  );
}

/**
 * The files a zip holds, as its central directory lists them, refused before anything is
 * unpacked when the directory is broken, or lists too many files or more unpacked bytes than an
 * import can hold (`spreadsheet-too-big`: a zip bomb ends here).
 */
export function readZipDirectory(bytes: Uint8Array, name?: string): ZipEntry[] {
  let end = -1;
  const stop = Math.max(0, bytes.length - END_SEARCH);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (u32(bytes, at) === END_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken(name, 'its table of contents is missing (is the file cut off?)');
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryAt = u32(bytes, end + 16);
  // ZIP64 marks its real values elsewhere; no workbook within our limits needs it.
  if (count === 0xffff || directoryAt === 0xffffffff) {
    throw tooBig(name, 'it is a ZIP64 archive, which only files over 4 GB need');
  }
  if (count > MAX_ZIP_ENTRIES) {
    throw tooBig(name, `it holds ${count.toLocaleString('en-US')} files`);
  }
  if (directoryAt + directorySize > end) throw broken(name, 'its table of contents is damaged');
  const entries: ZipEntry[] = [];
  let at = directoryAt;
  let unpacked = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== ENTRY_SIGNATURE) {
      throw broken(name, 'its table of contents is damaged');
    }
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const skip = nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const entryName = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (size === 0xffffffff || compressed === 0xffffffff) {
      throw tooBig(name, `"${entryName}" inside it is over 4 GB`);
    }
    unpacked += size;
    if (unpacked > MAX_UNPACKED_BYTES) {
      throw tooBig(name, `it unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
    }
    if (size > RATIO_FROM_BYTES && size > compressed * MAX_PACKING_RATIO) {
      throw tooBig(
        name,
        `"${entryName}" inside it unpacks ${Math.round(size / Math.max(1, compressed)).toLocaleString('en-US')} times larger than it is packed, which no real spreadsheet does`,
      );
    }
    entries.push({ name: entryName, compressed, size, method, offset: u32(bytes, at + 42) });
    at += 46 + skip;
  }
  return entries;
}

function tooBig(name: string | undefined, why: string): ImportError {
  return new ImportError(
    'spreadsheet-too-big',
    `${name === undefined ? 'This file' : `"${name}"`} cannot be imported: ${why}. Save the sheet as CSV, which has no such limit, and import that.`,
    name === undefined ? {} : { file: name },
  );
}

/** What kind of Office file a zip is, from the files inside it. */
export function officeKind(entries: readonly ZipEntry[]): 'xlsx' | 'docx' | 'pptx' | 'odf' | 'zip' {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  // An OpenDocument file: a spreadsheet (`.ods`), a text or a presentation, as its `mimetype` says.
  if (names.has('content.xml') && names.has('mimetype')) return 'odf';
  return 'zip';
}

/**
 * Unpacks one file of a zip a piece at a time, handing each piece to `onData`, so a large sheet
 * never sits in memory whole. The file may not unpack to more than its table of contents says
 * (`readZipDirectory` has checked that size): a directory that lies is `bad-spreadsheet`.
 */
export function unpackEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onData: (piece: Uint8Array, last: boolean) => void,
  name?: string,
): void {
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) {
    throw broken(name, `"${entry.name}" inside it is damaged`);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressed;
  if (end > bytes.length) throw broken(name, `"${entry.name}" inside it is cut off`);
  let unpacked = 0;
  const take = (piece: Uint8Array, last: boolean) => {
    unpacked += piece.length;
    if (unpacked > entry.size) throw broken(name, `"${entry.name}" inside it is damaged`);
    onData(piece, last);
  };
  if (entry.method === 0) {
    if (entry.compressed !== entry.size) throw broken(name, `"${entry.name}" inside it is damaged`);
    take(bytes.subarray(start, end), true);
    return;
  }
  if (entry.method !== 8) {
    throw broken(name, `"${entry.name}" inside it is packed in a way spreadsheets do not use`);
  }
  const inflate = new Inflate(take);
  try {
    for (let from = start; from < end; from += INFLATE_STEP) {
      const to = Math.min(end, from + INFLATE_STEP);
      inflate.push(bytes.subarray(from, to), to === end);
    }
    if (start === end) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw broken(name, `"${entry.name}" inside it is damaged`);
  }
}

/** A small file of a zip (a workbook's list of sheets, its `mimetype`) as text. */
export function entryText(bytes: Uint8Array, entry: ZipEntry, name?: string): string {
  const decoder = new TextDecoder();
  let text = '';
  unpackEntry(
    bytes,
    entry,
    (piece, last) => (text += decoder.decode(piece, { stream: !last })),
    name,
  );
  return text;
}
