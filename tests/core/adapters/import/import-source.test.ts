import { createReadStream, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatFromFileName,
  formatFromFirstCharacter,
} from '../../../../core/adapters/import/import-source';
import { importEvents, loadEvents, loadProfiles } from '../../../../core/adapters/import/importer';
import { data } from './data';

describe('format detection', () => {
  it('goes by the extension, whatever its case', () => {
    expect(formatFromFileName('a/b/events.CSV')).toBe('csv');
    expect(formatFromFileName('events.json')).toBe('json');
    expect(formatFromFileName('events.ndjson')).toBe('ndjson');
    expect(formatFromFileName('events.jsonl')).toBe('ndjson');
    expect(formatFromFileName('events.txt')).toBeUndefined();
    expect(formatFromFileName('events')).toBeUndefined();
  });

  it('else by the first non-blank character', () => {
    expect(formatFromFirstCharacter('[')).toBe('json');
    expect(formatFromFirstCharacter('{')).toBe('ndjson');
    expect(formatFromFirstCharacter('i')).toBe('csv');
  });

  it('lets an explicit format override the extension', async () => {
    const { summary } = await loadEvents(data('events.ndjson'), { format: 'json' });
    // Read as a JSON sequence, the broken line swallows the next: a different outcome, on purpose.
    expect(summary.format).toBe('json');
  });

  it('sniffs a buffer and text without a name', async () => {
    const fromBuffer = await loadEvents(readFileSync(data('events.json')));
    expect(fromBuffer.summary.format).toBe('json');
    expect(fromBuffer.events).toHaveLength(3);
    const fromText = await loadProfiles({ text: '\uFEFF\n id,plan\n1,pro\n' });
    expect(fromText.summary.format).toBe('csv');
    expect(fromText.profiles).toEqual([{ id: '1', attributes: { id: '1', plan: 'pro' } }]);
  });

  it('takes the name of a file stream for detection', async () => {
    const { summary } = await loadEvents(createReadStream(data('events.ndjson')));
    expect(summary.format).toBe('ndjson');
  });
});

describe('progress', () => {
  it('reports bytes read against the file size', async () => {
    const calls: [number, number | undefined][] = [];
    await importEvents(data('events.csv'), {
      onRow: () => {},
      onProgress: (read, total) => calls.push([read, total]),
    });
    const size = statSync(data('events.csv')).size;
    expect(calls.at(-1)).toEqual([size, size]);
  });

  it('has no total for a stream', async () => {
    const calls: [number, number | undefined][] = [];
    await importEvents(createReadStream(data('events.csv'), { highWaterMark: 64 }), {
      onRow: () => {},
      onProgress: (read, total) => calls.push([read, total]),
    });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.every(([, total]) => total === undefined)).toBe(true);
    expect(calls.at(-1)![0]).toBe(statSync(data('events.csv')).size);
  });
});

describe('the problem list', () => {
  it('counts every bad row but keeps only the first ones in detail', async () => {
    const text = `profile_id,name,time\n${',x,0\n'.repeat(1500)}a,x,0\n`;
    const { events, summary } = await loadEvents({ text });
    expect(events).toHaveLength(1);
    expect(summary).toMatchObject({ rows: 1501, imported: 1, rejected: 1500 });
    expect(summary.problems).toHaveLength(1000);
    expect(summary.problems.at(-1)!.line).toBe(1001);
    expect(summary.problemsTruncated).toBe(true);

    const few = await loadEvents({ text }, { problemLimit: 3 });
    expect(few.summary.problems).toHaveLength(3);
  });
});
