import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatFromFileName,
  formatFromFirstCharacter,
  utf8Length,
} from '../../../core/import/import-source';
import { loadEvents, loadProfiles } from '../../../core/import/importer';
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

  it('reads no extension into a folder name or a name that only starts with a dot', () => {
    expect(formatFromFileName('exports.csv/events')).toBeUndefined();
    expect(formatFromFileName('C:\\exports.csv\\events')).toBeUndefined();
    expect(formatFromFileName('.csv')).toBeUndefined();
    expect(formatFromFileName('C:\\exports\\events.Json')).toBe('json');
  });

  it('else by the first non-blank character', () => {
    expect(formatFromFirstCharacter('[')).toBe('json');
    expect(formatFromFirstCharacter('{')).toBe('ndjson');
    expect(formatFromFirstCharacter('i')).toBe('csv');
  });

  it('sniffs a buffer and text without a name', async () => {
    const fromBuffer = await loadEvents(readFileSync(data('events.json')));
    expect(fromBuffer.summary.format).toBe('json');
    expect(fromBuffer.events).toHaveLength(3);
    const fromText = await loadProfiles({ text: '\uFEFF\n id,plan\n1,pro\n' });
    expect(fromText.summary.format).toBe('csv');
    expect(fromText.profiles).toEqual([{ id: '1', attributes: { id: '1', plan: 'pro' } }]);
  });
});

describe('progress', () => {
  it('counts text in UTF-8 bytes, as a file of it would be', async () => {
    const text = 'id,city,note\n1,Malmö,😀\n2,Tromsø,\uD800\n';
    const calls: [number, number | undefined][] = [];
    await loadProfiles({ text }, { onProgress: (read, total) => calls.push([read, total]) });
    const bytes = Buffer.byteLength(text);
    expect(utf8Length(text)).toBe(bytes);
    expect(calls.at(-1)).toEqual([bytes, bytes]);
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
