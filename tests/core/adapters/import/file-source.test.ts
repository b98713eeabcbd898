import { createReadStream, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileSource, streamSource } from '../../../../core/adapters/import/file-source';
import { importEvents, loadEvents } from '../../../../core/import/importer';
import { data } from '../../import/data';

describe('format detection', () => {
  it('lets an explicit format override the extension', async () => {
    const { summary } = await loadEvents(fileSource(data('events.ndjson')), { format: 'json' });
    // Read as a JSON sequence, the broken line swallows the next: a different outcome, on purpose.
    expect(summary.format).toBe('json');
  });

  it('takes the name of a file stream for detection', async () => {
    const { summary } = await loadEvents(streamSource(createReadStream(data('events.ndjson'))));
    expect(summary.format).toBe('ndjson');
  });
});

describe('progress', () => {
  it('reports bytes read against the file size', async () => {
    const calls: [number, number | undefined][] = [];
    await importEvents(fileSource(data('events.csv')), {
      onRow: () => {},
      onProgress: (read, total) => calls.push([read, total]),
    });
    const size = statSync(data('events.csv')).size;
    expect(calls.at(-1)).toEqual([size, size]);
  });

  it('has no total for a stream', async () => {
    const calls: [number, number | undefined][] = [];
    await importEvents(streamSource(createReadStream(data('events.csv'), { highWaterMark: 64 })), {
      onRow: () => {},
      onProgress: (read, total) => calls.push([read, total]),
    });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.every(([, total]) => total === undefined)).toBe(true);
    expect(calls.at(-1)![0]).toBe(statSync(data('events.csv')).size);
  });
});
