import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { ImportError } from './import-problems';

export type ImportFormat = 'csv' | 'json' | 'ndjson';

/**
 * Where rows come from:
 * - a `string` is a **file path** (never file contents: a path that happens to look like data
 *   would otherwise be imported silently);
 * - `{ text, name? }` is data already in memory; `name` (e.g. `"events.ndjson"`) only serves to
 *   detect the format;
 * - a `Buffer`/`Uint8Array` holds the file's bytes;
 * - a Node `Readable` of bytes or text (an `fs.ReadStream` also lends its path to detection).
 */
export type ImportSource =
  string | { readonly text: string; readonly name?: string } | Uint8Array | Readable;

/** The format a file name implies, or undefined when its extension says nothing. */
export function formatFromFileName(name: string): ImportFormat | undefined {
  switch (extname(name).toLowerCase()) {
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

export interface OpenedSource {
  /** A file name, for format detection and messages. */
  readonly name?: string;
  /** Size in bytes, when known beforehand. */
  readonly total?: number;
  readonly chunks: AsyncIterable<Uint8Array | string>;
}

/** Bigger than Node's 64 KiB default: fewer, larger chunks cut the per-chunk costs. */
const CHUNK_BYTES = 1 << 20;

function reasonFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
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

/** Opens a source for reading; a missing or unreadable file is an ImportError. */
export async function openSource(source: ImportSource): Promise<OpenedSource> {
  if (typeof source === 'string') {
    let size: number;
    try {
      const info = await stat(source);
      if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      size = info.size;
    } catch (error) {
      throw unreadable(source, error);
    }
    return {
      name: source,
      total: size,
      chunks: createReadStream(source, { highWaterMark: CHUNK_BYTES }),
    };
  }
  if (source instanceof Readable) {
    const path = (source as Readable & { path?: unknown }).path;
    return typeof path === 'string' ? { name: path, chunks: source } : { chunks: source };
  }
  if (source instanceof Uint8Array) {
    return { total: source.byteLength, chunks: slices(source) };
  }
  const total = Buffer.byteLength(source.text);
  const chunks = (async function* () {
    yield await Promise.resolve(source.text);
  })();
  return source.name === undefined ? { total, chunks } : { name: source.name, total, chunks };
}
