import { ImportError } from './import-problems';

export type ImportFormat = 'csv' | 'json' | 'ndjson';

/** What a stream of rows yields when opened: its chunks and, when known beforehand, its size. */
export interface OpenedSource {
  /** Size in bytes, when known beforehand. */
  readonly total?: number;
  readonly chunks: AsyncIterable<Uint8Array | string>;
}

/**
 * Rows read as they arrive, opened when the import starts: a file or a network stream, which the
 * adapters provide (`fileSource`, `streamSource` in core/adapters/import). `open` rejects with an
 * `ImportError` when the source cannot be read at all.
 */
export interface ImportStream {
  /** A file name, for format detection and messages. */
  readonly name?: string;
  open(): Promise<OpenedSource>;
}

/**
 * Where rows come from:
 * - `{ text, name? }` is data already in memory; `name` (e.g. `"events.ndjson"`) only serves to
 *   detect the format;
 * - a `Uint8Array` holds the file's bytes;
 * - an `ImportStream` is read chunk by chunk, so a file of any size passes through.
 */
export type ImportSource =
  { readonly text: string; readonly name?: string } | Uint8Array | ImportStream;

/** The format a file name implies, or undefined when its extension says nothing. */
export function formatFromFileName(name: string): ImportFormat | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  // As Node's extname: a name that only starts with a dot (".csv") has no extension.
  const extension = dot > 0 && base !== '..' ? base.slice(dot) : '';
  switch (extension.toLowerCase()) {
    case '.csv':
      return 'csv';
    case '.json':
      return 'json';
    case '.ndjson':
    case '.jsonl':
      return 'ndjson';
    default:
      return undefined;
  }
}

/**
 * The format the first non-blank character suggests: a list is JSON, an object starts NDJSON
 * (one object per line), anything else is CSV.
 */
export function formatFromFirstCharacter(char: string): ImportFormat {
  if (char === '[') return 'json';
  if (char === '{') return 'ndjson';
  return 'csv';
}

/** Bigger than Node's 64 KiB default: fewer, larger chunks cut the per-chunk costs. */
export const CHUNK_BYTES = 1 << 20;

/** The UTF-8 size of a text in bytes (a lone surrogate counts as the 3-byte replacement). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair: two UTF-16 units, four bytes.
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2;
        i++;
      } else bytes += 2;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

function reasonFor(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The error for a source that cannot be read, in a marketer's words. */
export function unreadable(name: string | undefined, error: unknown): ImportError {
  const what = name === undefined ? 'The data' : `"${name}"`;
  return new ImportError('unreadable-file', `${what} cannot be read: ${reasonFor(error)}.`, {
    ...(name === undefined ? {} : { file: name }),
  });
}

/** Hands out memory in file-sized reads, so decoding never holds a second copy of it all. */
async function* slices(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) {
    yield await Promise.resolve(bytes.subarray(at, at + CHUNK_BYTES));
  }
}

/** Opens a source for reading; a source that cannot be read is an ImportError. */
export async function openSource(
  source: ImportSource,
): Promise<OpenedSource & { readonly name?: string }> {
  if (source instanceof Uint8Array) {
    return { total: source.byteLength, chunks: slices(source) };
  }
  if ('open' in source) {
    const opened = await source.open();
    return source.name === undefined ? opened : { ...opened, name: source.name };
  }
  const total = utf8Length(source.text);
  const chunks = (async function* () {
    yield await Promise.resolve(source.text);
  })();
  return source.name === undefined ? { total, chunks } : { name: source.name, total, chunks };
}
