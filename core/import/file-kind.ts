import { ImportError } from './import-problems';

/**
 * What a file's first bytes say it is. Data (CSV, JSON, NDJSON) has no signature, so anything
 * without one of these is read as text; a spreadsheet is a zip (`.xlsx`, `.ods`) or an OLE
 * compound file (`.xls`), which `officeKind` in zip-directory.ts tells apart by what is inside.
 */
export type BinaryKind =
  'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'zip' | 'ole' | 'gzip' | 'rar' | '7z' | 'mp4';

const SIGNATURES: readonly { kind: BinaryKind; at: number; bytes: readonly number[] }[] = [
  { kind: 'png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', at: 0, bytes: [0x47, 0x49, 0x46, 0x38] },
  // RIFF….WEBP: the size sits between the two marks.
  { kind: 'webp', at: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  { kind: 'pdf', at: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'zip', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  // An empty zip is only its end record.
  { kind: 'zip', at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'ole', at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'gzip', at: 0, bytes: [0x1f, 0x8b] },
  { kind: 'rar', at: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { kind: '7z', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'mp4', at: 4, bytes: [0x66, 0x74, 0x79, 0x70] },
];

/** How many bytes `binaryKind` looks at. */
export const SIGNATURE_BYTES = 16;

/** The kind of binary file these first bytes start, or undefined for text (or an unknown kind). */
export function binaryKind(head: Uint8Array): BinaryKind | undefined {
  for (const { kind, at, bytes } of SIGNATURES) {
    if (head.length < at + bytes.length) continue;
    if (bytes.every((b, i) => head[at + i] === b)) {
      // "RIFF" must open a WebP too, else an odd CSV starting with 8 bytes and "WEBP" would match.
      if (kind === 'webp' && String.fromCharCode(...head.subarray(0, 4)) !== 'RIFF') continue;
      return kind;
    }
  }
  return undefined;
}

/**
 * The same for text already decoded (the app hands files over as text): the signatures that
 * survive decoding, with a byte that is not UTF-8 read as U+FFFD or as Latin-1.
 */
export function binaryKindOfText(text: string): BinaryKind | undefined {
  const head = text.slice(0, SIGNATURE_BYTES);
  if (/^(\uFFFD|\u0089|\u2030)PNG\r\n/.test(head)) return 'png';
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('PK\u0005\u0006')) return 'zip';
  if (head.startsWith('GIF8')) return 'gif';
  if (/^RIFF.{4}WEBP/s.test(head)) return 'webp';
  return undefined;
}

const WHAT: Record<BinaryKind | 'docx' | 'pptx' | 'odf', string> = {
  png: 'a picture (PNG)',
  jpeg: 'a picture (JPEG)',
  gif: 'a picture (GIF)',
  webp: 'a picture (WebP)',
  pdf: 'a PDF document',
  zip: 'a zip archive',
  ole: 'an old Office document',
  gzip: 'a compressed (gzip) file',
  rar: 'a compressed (RAR) archive',
  '7z': 'a compressed (7-Zip) archive',
  mp4: 'a video',
  docx: 'a Word document',
  pptx: 'a PowerPoint presentation',
  odf: 'an OpenDocument text or presentation',
};

/**
 * The error for a file that is not data: it says what the file is, so "binary garbage as column
 * names" never reaches the preview.
 */
export function notDataError(kind: keyof typeof WHAT, name?: string): ImportError {
  const what = name === undefined ? 'This file' : `"${name}"`;
  const fix =
    kind === 'zip' || kind === 'gzip' || kind === 'rar' || kind === '7z'
      ? ' Unpack it first and import the CSV, JSON or spreadsheet file inside.'
      : '';
  return new ImportError(
    'not-data',
    `${what} is ${WHAT[kind]}, not a customer list. Import a CSV, JSON, Excel (.xlsx) or OpenDocument (.ods) file with one row per customer or event.${fix}`,
    { ...(name !== undefined && { file: name }), kind },
  );
}
