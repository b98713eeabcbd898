import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileSource, streamSource } from '../../../core/adapters/import/file-source';
import { ImportError } from '../../../core/import/import-problems';
import {
  importEvents,
  importProfiles,
  loadEvents,
  loadProfiles,
} from '../../../core/import/importer';
import { data, where } from './data';

describe('profiles from CSV', () => {
  it('types numbers and booleans only when unambiguous, and merges a repeated id', async () => {
    const { profiles, summary } = await loadProfiles(fileSource(data('profiles.csv')));
    expect(summary).toMatchObject({ rows: 4, imported: 4, rejected: 0, duplicateIds: 1 });
    expect(profiles.map((p) => p.id)).toEqual(['u1', 'u2', 'u3']);
    expect(profiles[0]).toEqual({
      id: 'u1',
      attributes: {
        id: 'u1',
        email: 'anna.new@example.com',
        first_name: 'Anna',
        age: 35,
        vip: true,
        zip: '0012',
        price: '35.70',
        unsubscribed: false,
        phone: '46701234567',
        score: '1e3',
      },
    });
    expect(profiles[1]!.attributes).toEqual({
      id: 'u2',
      email: 'bob@example.com',
      first_name: 'Bob',
      vip: false,
      zip: 12345,
      price: 9.99,
      phone: '0701234567',
      score: -3.5,
    });
  });

  it('leaves empty cells out entirely', async () => {
    const { profiles } = await loadProfiles(fileSource(data('profiles.csv')));
    const cecilia = profiles[2]!.attributes;
    expect(cecilia).toEqual({
      id: 'u3',
      first_name: 'Cecilia',
      age: 41,
      vip: 'yes',
      unsubscribed: true,
    });
    expect('email' in cecilia).toBe(false);
  });

  it('streams each row with its line and reports the duplicate as information', async () => {
    const seen: [string, number][] = [];
    const summary = await importProfiles(fileSource(data('profiles.csv')), {
      onRow: (profile, line) => seen.push([profile.id, line]),
    });
    expect(seen).toEqual([
      ['u1', 2],
      ['u2', 3],
      ['u3', 4],
      ['u1', 5],
    ]);
    expect(summary.duplicateIds).toBe(1);
    expect(summary.problems).toEqual([]);
  });

  it('reports bad rows by line and keeps the good ones', async () => {
    const { profiles, summary } = await loadProfiles(fileSource(data('profiles-bad.csv')));
    expect(profiles.map((p) => p.id)).toEqual(['p1', 'p5', 'p6']);
    expect(summary).toMatchObject({ rows: 6, imported: 3, rejected: 3 });
    expect(summary.problems).toEqual([
      {
        line: 3,
        code: 'missing-id',
        reason: 'No profile id: the "id" column is empty.',
        column: 'id',
      },
      {
        line: 4,
        code: 'bad-row-length',
        reason: 'This row has 2 values but the header has 3 columns.',
      },
      {
        line: 5,
        code: 'bad-row-length',
        reason: 'This row has 4 values but the header has 3 columns.',
      },
    ]);
  });

  it('renames columns with a mapping, and a mapped id column becomes the id', async () => {
    const { profiles } = await loadProfiles(
      { text: 'user,mail,id\nx1,x@example.com,ignored\n' },
      { mapping: 'id=user,email=mail' },
    );
    expect(profiles).toEqual([{ id: 'x1', attributes: { id: 'x1', email: 'x@example.com' } }]);
  });

  it('can key profiles by email and keep the email', async () => {
    const { profiles } = await loadProfiles(
      { text: 'email,plan\nx@example.com,pro\n' },
      { mapping: 'id=email,email=email' },
    );
    expect(profiles[0]).toEqual({
      id: 'x@example.com',
      attributes: { id: 'x@example.com', email: 'x@example.com', plan: 'pro' },
    });
  });
});

describe('events from CSV', () => {
  it('reads all three time formats and types the properties', async () => {
    const { events, summary } = await loadEvents(fileSource(data('events.csv')));
    expect(summary).toMatchObject({ rows: 3, imported: 3, rejected: 0 });
    expect(events).toEqual([
      {
        profileId: 'u1',
        name: 'signup',
        time: Date.parse('2024-03-01T10:00:00Z'),
        properties: { plan: 'gold', amount: 0 },
      },
      {
        profileId: 'u1',
        name: 'purchase',
        time: Date.parse('2024-03-02T12:30:00Z'),
        properties: { plan: 'gold', amount: '35.70', note: 'first order' },
      },
      {
        profileId: 'u2',
        name: 'purchase',
        time: 1709380800000,
        properties: { plan: 'silver', amount: 12, note: 'big, "fancy" order' },
      },
    ]);
  });

  it('reports each bad row with its line, code and column, and keeps the good rows', async () => {
    const { events, summary } = await loadEvents(fileSource(data('events-bad.csv')), {
      mapping: 'profile_id=user_id,name=event_type,time=event_time',
    });
    expect(events.map((e) => e.profileId)).toEqual(['1', '6']);
    expect(summary).toMatchObject({ rows: 7, imported: 2, rejected: 5 });
    expect(summary.problems).toEqual([
      {
        line: 3,
        code: 'missing-id',
        reason: 'No profile id: the "user_id" column is empty.',
        column: 'user_id',
      },
      {
        line: 4,
        code: 'missing-name',
        reason: 'No event name: the "event_type" column is empty.',
        column: 'event_type',
      },
      {
        line: 5,
        code: 'bad-time',
        reason:
          '"2019-10-01 25:00:00 UTC" in "event_time" is not a time we can read; use ISO 8601 (2019-10-01T09:30:00Z), "2019-10-01 09:30:00 UTC" or epoch milliseconds.',
        column: 'event_time',
      },
      {
        line: 6,
        code: 'missing-time',
        reason: 'No event time: the "event_time" column is empty.',
        column: 'event_time',
      },
      {
        line: 7,
        code: 'bad-row-length',
        reason: 'This row has 3 values but the header has 4 columns.',
      },
    ]);
  });

  it('counts lines inside quoted values, so later rows get the right line', async () => {
    const lines: number[] = [];
    const summary = await importEvents(fileSource(data('events-multiline.csv')), {
      onRow: (_event, line) => lines.push(line),
    });
    expect(lines).toEqual([2, 4, 8, 11]);
    expect(where(summary.problems)).toEqual([
      { line: 7, code: 'bad-time' },
      { line: 9, code: 'missing-id' },
    ]);
    const { events } = await loadEvents(fileSource(data('events-multiline.csv')));
    expect(events.map((e) => e.properties.note)).toEqual([
      'first line\nsecond line, with comma',
      'he said "hi"\n\nand left',
      'x',
      'ok',
    ]);
  });

  it('reads a UTF-8 byte order mark and CRLF line ends', async () => {
    const lines: number[] = [];
    const summary = await importEvents(fileSource(data('events-bom-crlf.csv')), {
      onRow: (_event, line) => lines.push(line),
    });
    expect(summary.columns).toEqual(['profile_id', 'name', 'time']);
    expect(lines).toEqual([2, 3, 6]);
    expect(where(summary.problems)).toEqual([{ line: 5, code: 'missing-id' }]);
    const { events } = await loadEvents(fileSource(data('events-bom-crlf.csv')));
    expect(events.map((e) => e.name)).toEqual(['open', 'click\r\nthrough', 'open']);
  });

  it('reads from a Readable stream, in chunks cut anywhere', async () => {
    const text = 'profile_id,name,time,city\nu1,open,2024-01-01T00:00:00Z,"Malmö, Skåne"\n';
    const bytes = Buffer.from(text);
    // One byte at a time cuts "ö" and "å" in half: decoding must join them again.
    const stream = Readable.from([...bytes].map((b) => Buffer.from([b])));
    const { events, summary } = await loadEvents(streamSource(stream), { format: 'csv' });
    expect(summary.imported).toBe(1);
    expect(events[0]!.properties).toEqual({ city: 'Malmö, Skåne' });
  });

  it('reports an unclosed quote on its own line and reads on from the next', async () => {
    const { profiles, summary } = await loadProfiles(fileSource(data('unclosed-quote.csv')));
    expect(profiles.map((p) => p.id)).toEqual(['a', 'c', 'd']);
    expect(summary.problems).toEqual([
      {
        line: 3,
        code: 'bad-quotes',
        reason: expect.stringMatching(/quote in this row is never closed/) as unknown,
      },
    ]);
  });

  it('rejects text after a closing quote, and keeps a quote inside an unquoted value', async () => {
    const { profiles, summary } = await loadProfiles({
      text: 'id,size\na,"5"inch\nb,5" screen\n',
    });
    expect(profiles).toEqual([{ id: 'b', attributes: { id: 'b', size: '5" screen' } }]);
    expect(where(summary.problems)).toEqual([{ line: 2, code: 'bad-quotes' }]);
  });

  it('hints at a stray quote when a row spanning lines has the wrong length', async () => {
    const { summary } = await loadEvents({
      text: 'profile_id,name,time\nu1,"open,2024-01-01T00:00:00Z\nu2,open",2024-01-01T00:00:01Z,x\n',
    });
    expect(summary.problems).toEqual([
      {
        line: 2,
        code: 'bad-row-length',
        reason:
          'This row has 4 values but the header has 3 columns. It runs from line 2 to line 3: a quote may not be closed where it should be.',
      },
    ]);
  });
});

describe('problems with the file as a whole', () => {
  async function failure(promise: Promise<unknown>): Promise<ImportError> {
    const error: unknown = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }

  it('names a missing required column and the columns the file has', async () => {
    const error = await failure(
      loadEvents(fileSource(data('events-bad.csv')), {
        mapping: 'profile_id=user_id,name=event_type',
      }),
    );
    expect(error.code).toBe('missing-column');
    expect(error.message).toBe(
      `${data('events-bad.csv')}: The column "time" (or "timestamp") is not in the file. Its columns are "user_id", "event_type", "event_time" and "price". Map a column to it with time=<column>.`,
    );
    expect(error.details).toMatchObject({
      file: data('events-bad.csv'),
      column: 'time',
      columns: ['user_id', 'event_type', 'event_time', 'price'],
    });
  });

  it('names a mapped column the file lacks, suggesting a near spelling', async () => {
    const error = await failure(
      loadEvents({ text: 'User_ID,name,time\n' }, { mapping: 'profile_id=user_id' }),
    );
    expect(error.message).toBe(
      'The column "user_id" (mapped to profile_id) is not in the file. Its columns are "User_ID", "name" and "time". Did you mean "User_ID"?',
    );
  });

  it('requires an id column for profiles', async () => {
    const error = await failure(loadProfiles({ text: 'email,name\na@example.com,A\n' }));
    expect(error.code).toBe('missing-column');
    expect(error.message).toMatch(/^The column "id" \(or "userId"\) is not in the file\./);
  });

  it('rejects a column named twice', async () => {
    const error = await failure(loadProfiles({ text: 'id,email,email\n1,a,b\n' }));
    expect(error.code).toBe('duplicate-column');
    expect(error.message).toBe(
      'The column "email" appears twice in the header (columns 2 and 3). Rename one of them.',
    );
  });

  it('says so when the header row itself is broken', async () => {
    const error = await failure(loadProfiles({ text: 'id,"note\n1,x\n' }));
    expect(error.code).toBe('bad-header');
    expect(error.message).toMatch(/^The header row \(line 1\) cannot be read: A quote/);
  });

  it('says so when there is no header', async () => {
    const error = await failure(loadProfiles({ text: '\n\n' }));
    expect(error.code).toBe('empty-file');
  });

  it('says which file cannot be read and why', async () => {
    const missing = data('no-such-file.csv');
    const error = await failure(loadProfiles(fileSource(missing)));
    expect(error.code).toBe('unreadable-file');
    expect(error.message).toBe(`"${missing}" cannot be read: there is no such file.`);
    const folder = await failure(loadProfiles(fileSource(data(''))));
    expect(folder.message).toMatch(/it is a folder, not a file/);
  });

  it('rejects a malformed mapping before reading', async () => {
    const error = await failure(
      loadEvents(fileSource(data('events.csv')), { mapping: 'profile_id=,when=t' }),
    );
    expect(error.code).toBe('bad-mapping');
    expect(error.message).toMatch(
      /^The column mapping cannot be used: "profile_id=" names no source/,
    );
  });
});
