import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CHUNK_BYTES, unreadable, type ImportStream } from '../../import/import-source';

/**
 * A file to import, by its path (never its contents: a path that happens to look like data must
 * not be imported silently). Read in large chunks as the import goes; a missing or unreadable
 * file is an `ImportError` when the import starts.
 *
 * @example
 * const { profiles } = await loadProfiles(fileSource('profiles.csv'));
 */
export function fileSource(path: string): ImportStream {
  return {
    name: path,
    async open() {
      let size: number;
      try {
        const info = await stat(path);
        if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
        size = info.size;
      } catch (error) {
        throw unreadable(path, error);
      }
      return { total: size, chunks: createReadStream(path, { highWaterMark: CHUNK_BYTES }) };
    },
  };
}

/** A Node stream of bytes or text to import; a file stream lends its path to format detection. */
export function streamSource(stream: Readable): ImportStream {
  const path = (stream as Readable & { path?: unknown }).path;
  const opened = { open: () => Promise.resolve({ chunks: stream }) };
  return typeof path === 'string' ? { name: path, ...opened } : opened;
}
