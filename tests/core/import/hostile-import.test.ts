import { describe, expect, it } from 'vitest';
import { trackSchema } from '../../../core/api/event-api-contract';
import { parseJourneyFile } from '../../../core/model/journey-file';
import type { ImportStream } from '../../../core/import/import-source';
import { importProfiles, loadEvents, loadProfiles } from '../../../core/import/importer';

/** A source that hands out text chunks as they are asked for, so a huge line costs no memory. */
function chunked(name: string, parts: () => Iterable<string>): ImportStream {
  return {
    name,
    open: () =>
      Promise.resolve({
        chunks: (async function* () {
          for (const part of parts()) yield await Promise.resolve(part);
        })(),
      }),
  };
}

const MB = 1 << 20;

describe('rows too long to read', () => {
  it('leaves out a 600 MB CSV line as one bad row and keeps the good rows around it', async () => {
    const block = 'x'.repeat(MB);
    const ids: string[] = [];
    const summary = await importProfiles(
      chunked('huge.csv', function* () {
        yield 'id,note\n1,first\n2,';
        for (let i = 0; i < 600; i++) yield block;
        yield '\n3,after\n';
      }),
      { onRow: (profile) => ids.push(profile.id) },
    );
    expect(ids).toEqual(['1', '3']);
    expect(summary.rejected).toBe(1);
    expect(summary.problems).toEqual([
      {
        line: 3,
        code: 'row-too-long',
        reason:
          'This row is longer than 1,000,000 characters, so it was left out. Is a quote missing, or a whole file pasted into one cell?',
      },
    ]);
  }, 60_000);

  it('does the same for a line of NDJSON and an object in a JSON list', async () => {
    const big = `"${'y'.repeat(3 * MB)}"`;
    const ndjson = await loadProfiles(
      chunked('p.ndjson', function* () {
        yield '{"id":"1"}\n{"id":"2","note":';
        yield big;
        yield '}\n{"id":"3"}\n';
      }),
    );
    expect(ndjson.profiles.map((p) => p.id)).toEqual(['1', '3']);
    expect(ndjson.summary.problems.map((p) => [p.line, p.code])).toEqual([[2, 'row-too-long']]);

    const json = await loadProfiles(
      chunked('p.json', function* () {
        yield '[{"id":"1"},\n{"id":"2","note":';
        yield big;
        yield '},\n{"id":"3"}]';
      }),
    );
    expect(json.profiles.map((p) => p.id)).toEqual(['1', '3']);
    expect(json.summary.problems.map((p) => [p.line, p.code])).toEqual([[2, 'row-too-long']]);
  });
});

describe('text encodings', () => {
  const latin1 = Uint8Array.from([
    ...new TextEncoder().encode('id,name\n1,'),
    0xc5,
    0x73,
    0x61,
    0x20,
    0xd6,
    0x62,
    0x65,
    0x72,
    0x67, // "Åsa Öberg" in Latin-1
    0x0a,
  ]);

  it('reads a Latin-1 file as Latin-1 and says so', async () => {
    const { profiles, summary } = await loadProfiles(latin1);
    expect(profiles[0]?.attributes.name).toBe('Åsa Öberg');
    expect(summary.encoding).toBe('windows-1252');
    expect(summary.warnings).toEqual([
      {
        code: 'encoding-latin1',
        message:
          'This file is not UTF-8, so it was read as Latin-1 (Western European). Check that letters such as å, ä, ö, æ and ø look right; saving the file as UTF-8 avoids the guess.',
        values: {},
      },
    ]);
  });

  it('reads UTF-16 with or without a byte order mark, and UTF-8 with one, silently', async () => {
    const text = 'id,name\n1,Åsa Öberg\n';
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 * i] = c & 0xff;
      le[2 * i + 1] = c >> 8;
      be[2 * i] = c >> 8;
      be[2 * i + 1] = c & 0xff;
    }
    const cases: [Uint8Array, string][] = [
      [Uint8Array.from([0xff, 0xfe, ...le]), 'utf-16le'],
      [Uint8Array.from([0xfe, 0xff, ...be]), 'utf-16be'],
      [le, 'utf-16le'],
      [be, 'utf-16be'],
      [Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8'],
    ];
    for (const [bytes, encoding] of cases) {
      const { profiles, summary } = await loadProfiles(bytes);
      expect(profiles).toEqual([{ id: '1', attributes: { id: '1', name: 'Åsa Öberg' } }]);
      expect(summary.encoding).toBe(encoding);
      expect(summary.warnings).toEqual([]);
    }
  });

  it('says where a UTF-8 file stops being UTF-8 rather than printing � silently', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `${i},Åsa\n`).join('');
    const head = new TextEncoder().encode(`id,name\n${rows}`);
    const bytes = Uint8Array.from([...head, ...new TextEncoder().encode('x,'), 0xd6, 0x0a]);
    const { summary } = await loadProfiles(bytes);
    expect(summary.encoding).toBe('utf-8');
    expect(summary.warnings).toEqual([
      {
        code: 'undecodable-text',
        message: `Part of this file is not UTF-8 (from byte ${head.length + 2}): those characters show as “�”. Save the file as UTF-8 and import it again.`,
        values: { byte: head.length + 2 },
      },
    ]);
  });
});

describe('ids', () => {
  it('reports profile ids that an earlier row already had', async () => {
    const { profiles, summary } = await loadProfiles({
      text: 'id,plan\n1,free\n2,free\n1,paid\n3,free\n2,paid\n',
      name: 'p.csv',
    });
    expect(profiles).toHaveLength(3);
    expect(summary.duplicateIds).toBe(2);
    expect(summary.warnings).toEqual([
      {
        code: 'duplicate-ids',
        message:
          '2 rows repeat a profile id an earlier row has (first: "1" on line 4, first on line 2). Each later row updated that profile.',
        values: { rows: 2, id: '1', line: 4, firstLine: 2 },
      },
    ]);
  });

  it('refuses control, NUL and direction characters in profile ids, in CSV and JSON', async () => {
    const { profiles, summary } = await loadProfiles({
      text: 'id,name\nann,Ann\nbo\u202egnp.exe,Bo\nc\u0000d,Cy\n',
      name: 'p.csv',
    });
    expect(profiles.map((p) => p.id)).toEqual(['ann']);
    expect(summary.problems).toEqual([
      {
        line: 3,
        code: 'bad-id',
        column: 'id',
        reason:
          'The profile id "bo\\u202Egnp.exe" contains an invisible right-to-left override (U+202E). Ids must be plain text: such characters make one id look like another.',
      },
      {
        line: 4,
        code: 'bad-id',
        column: 'id',
        reason:
          'The profile id "c\\u0000d" contains an invisible control character (U+0000). Ids must be plain text: such characters make one id look like another.',
      },
    ]);
    const events = await loadEvents({
      text: '{"userId":"a\\u2066b","event":"cart","timestamp":"2026-05-01T10:00:00Z"}\n',
      name: 'e.ndjson',
    });
    expect(events.summary.problems.map((p) => p.code)).toEqual(['bad-id']);
  });
});

describe('ids in journeys and events', () => {
  it('refuses a journey or node id with a hidden character, naming it', () => {
    const file = (nodeId: string, journeyId = 'cart') =>
      JSON.stringify({
        format: 'journey-studio/journey',
        version: 1,
        id: journeyId,
        name: 'Cart',
        settings: {},
        nodes: [{ id: nodeId, kind: 'trigger', config: { on: 'event', event: 'cart' } }],
        edges: [],
      });
    const node = parseJourneyFile(file('start\u202e'));
    expect(node.ok).toBe(false);
    if (!node.ok) {
      expect(node.problems[0]?.message).toBe(
        'node 1 "start\\u202E" id: contains an invisible right-to-left override (U+202E); ids must be plain text, since such characters make one id look like another.',
      );
    }
    const journey = parseJourneyFile(file('start', 'ca\u0000rt'));
    expect(journey.ok).toBe(false);
    if (!journey.ok) expect(journey.problems[0]?.message).toContain('(U+0000)');
  });

  it('refuses such a userId on the event API with the reason', () => {
    const parsed = trackSchema.safeParse({ userId: 'a\u200fb', event: 'cart' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'The userId "a\\u200Fb" contains an invisible direction mark (U+200F). Ids must be plain text: such characters make one id look like another.',
    );
  });
});
