import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileSource, streamSource } from '../../../core/adapters/import/file-source';
import { ImportError } from '../../../core/import/import-problems';
import { importEvents, loadEvents, loadProfiles } from '../../../core/import/importer';
import { data, where } from './data';

describe('events from a JSON list', () => {
  it('keeps JSON types, merges nested properties, and reports bad elements where they start', async () => {
    const lines: number[] = [];
    const summary = await importEvents(fileSource(data('events.json')), {
      onRow: (_event, line) => lines.push(line),
    });
    expect(summary).toMatchObject({ format: 'json', rows: 6, imported: 3, rejected: 3 });
    expect(lines).toEqual([2, 9, 13]);
    expect(where(summary.problems)).toEqual([
      { line: 10, code: 'bad-time' },
      { line: 11, code: 'bad-json' },
      { line: 12, code: 'not-an-object' },
    ]);
    expect(summary.problems[1]!.reason).toMatch(/^This object is not valid JSON: /);
    expect(summary.problems[2]!.reason).toBe('Expected an object ({ … }) but found text.');
    expect(summary.columns).toEqual([
      'profile_id',
      'name',
      'time',
      'plan',
      'properties',
      'amount',
      'tags',
      'coupon',
      'note',
    ]);

    const { events } = await loadEvents(fileSource(data('events.json')));
    expect(events).toEqual([
      {
        profileId: 'u1',
        name: 'signup',
        time: Date.parse('2024-03-01T10:00:00Z'),
        // The nested payload wins over a top-level field of the same name.
        properties: { plan: 'platinum', source: 'ad' },
      },
      {
        profileId: '42',
        name: 'purchase',
        time: 1709380800000,
        properties: { amount: 35.7, tags: ['a', 'b'], coupon: null },
      },
      {
        profileId: 'u5',
        name: 'view',
        time: Date.parse('2024-03-04T00:00:00Z'),
        properties: { note: 'a } and a ] in text' },
      },
    ]);
  });

  it('reads a single object, and objects written one after another', async () => {
    const one = await loadEvents({
      text: '{\n  "profile_id": "a",\n  "name": "x",\n  "time": 0\n}\n',
      name: 'one.json',
    });
    expect(one.events).toHaveLength(1);
    const lines: number[] = [];
    await importEvents(
      {
        text: '{"profile_id":"a","name":"x","time":0}\n\n{"profile_id":"b",\n"name":"y","time":1}',
      },
      { format: 'json', onRow: (_e, line) => lines.push(line) },
    );
    expect(lines).toEqual([1, 3]);
  });

  it('keeps the objects before a cut-off end and says the file may be cut off', async () => {
    const { events, summary } = await loadEvents({
      text: '[\n{"profile_id":"a","name":"x","time":0},\n{"profile_id":"b","name":',
    });
    expect(events.map((e) => e.profileId)).toEqual(['a']);
    expect(summary.problems).toEqual([
      {
        line: 3,
        code: 'bad-json',
        reason:
          'This object is cut off: the file ends before it is closed (is the file complete?).',
      },
      {
        line: 3,
        code: 'bad-json',
        reason:
          'The list is not closed with "]": the file may be cut off. The objects before this point were read.',
      },
    ]);
    expect(summary.rows).toBe(2);
  });
});

describe('events from NDJSON', () => {
  it('reads one object per line, skipping blank lines and reporting bad ones', async () => {
    const { events, summary } = await loadEvents(fileSource(data('events.ndjson')));
    expect(summary).toMatchObject({ format: 'ndjson', rows: 5, imported: 2, rejected: 3 });
    expect(where(summary.problems)).toEqual([
      { line: 3, code: 'bad-json' },
      { line: 4, code: 'not-an-object' },
      { line: 5, code: 'missing-id' },
    ]);
    expect(summary.problems[0]!.reason).toMatch(/^This line is not valid JSON: /);
    expect(events[1]).toEqual({
      profileId: 'u3',
      name: 'click',
      time: Date.parse('2024-01-01T00:03:00Z'),
      properties: { url: 'https://x.test/?a=1,2' },
    });
  });

  it('sniffs NDJSON from a stream without a name, across chunks', async () => {
    const text =
      '\n  {"profile_id":"a","name":"x","time":"2024-01-01T00:00:00Z"}\r\n{"profile_id":"b","name":"y","time":1}\n';
    const stream = Readable.from([text.slice(0, 2), text.slice(2, 30), text.slice(30)]);
    const lines: number[] = [];
    const summary = await importEvents(streamSource(stream), {
      onRow: (_e, line) => lines.push(line),
    });
    expect(summary.format).toBe('ndjson');
    expect(lines).toEqual([2, 3]);
  });
});

describe('Segment-shaped JSON', () => {
  it('recognises track events without a mapping', async () => {
    const { events, summary } = await loadEvents(fileSource(data('segment-events.json')));
    expect(summary.rejected).toBe(0);
    expect(events[0]).toEqual({
      profileId: 'user-1',
      name: 'Order Completed',
      time: Date.parse('2024-05-01T12:00:00Z'),
      messageId: 'm-1',
      properties: {
        type: 'track',
        context: { ip: '203.0.113.7' },
        revenue: 39.95,
        currency: 'EUR',
      },
    });
    expect(events[1]).toMatchObject({ profileId: 'user-2', name: 'Cart Viewed' });
    expect(events[1]).not.toHaveProperty('messageId');
  });

  it('recognises identify-shaped profiles, merging traits', async () => {
    const { profiles, summary } = await loadProfiles(fileSource(data('profiles.ndjson')));
    expect(summary.rejected).toBe(0);
    expect(profiles).toEqual([
      {
        id: 's1',
        attributes: { id: 's1', email: 's1@example.com', plan: 'pro', age: 30 },
      },
      // JSON keeps its own types: "0012" is text because JSON says so, and the id is text.
      { id: 's2', attributes: { id: 's2', email: 's2@example.com', vip: true, zip: '0012' } },
      { id: '7', attributes: { id: '7', first_name: 'Num' } },
    ]);
  });
});

describe('JSON objects without a required field', () => {
  it('is one error naming the field, when no object has it', async () => {
    const error: unknown = await loadEvents(
      { text: '{"user":"a","name":"x","time":0}\n{"user":"b","name":"y","time":0}\n' },
      { format: 'ndjson' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('missing-column');
    expect((error as ImportError).message).toBe(
      'No object has "profile_id" (or "userId"), so nothing could be imported. The fields are "user", "name" and "time"; a column mapping can name the right one.',
    );
  });

  it('is a problem per row, when only some objects lack it', async () => {
    const { summary } = await loadEvents(
      {
        text: '{"profile_id":"a","name":"x","time":0}\n{"name":"y","time":0}\n{"profile_id":[1],"name":"z","time":0}\n',
      },
      { format: 'ndjson' },
    );
    expect(where(summary.problems)).toEqual([
      { line: 2, code: 'missing-id' },
      { line: 3, code: 'bad-id' },
    ]);
  });

  it('applies a mapping to JSON fields', async () => {
    const { events } = await loadEvents(
      { text: '[{"uid":"a","type":"open","at":"2024-01-01 00:00:00 UTC","ok":true}]' },
      { mapping: 'profile_id=uid,name=type,time=at' },
    );
    expect(events).toEqual([
      { profileId: 'a', name: 'open', time: Date.UTC(2024, 0, 1), properties: { ok: true } },
    ]);
  });
});

describe('hostile field names', () => {
  it('leaves out __proto__ rather than changing what an object inherits', async () => {
    const { events } = await loadEvents({
      text: '{"profile_id":"a","name":"x","time":0,"__proto__":{"admin":true},"properties":{"__proto__":{"admin":true},"ok":1}}\n',
      name: 'x.ndjson',
    });
    expect(events[0]!.properties).toEqual({ ok: 1 });
    expect(Object.getPrototypeOf(events[0]!.properties)).toBe(Object.prototype);
    const { profiles } = await loadProfiles({ text: 'id,__proto__\n1,x\n' });
    expect(profiles[0]!.attributes).toEqual({ id: '1' });
  });
});
