import { describe, expect, it } from 'vitest';
import { parseJourneyFile, serializeJourney } from '../../../core/model/journey-file';
import { migrateDocument, type Migration } from '../../../core/model/migrations';
import { fixtureFiles, fixtureText, loadJourney } from '../fixtures';

function parseOk(text: string) {
  const result = parseJourneyFile(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result;
}

function problems(text: string) {
  const result = parseJourneyFile(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

describe('journey file round trip', () => {
  it.each(fixtureFiles('journeys'))('%s: parse → serialize → parse is equal', (name) => {
    const first = loadJourney(name);
    const text = serializeJourney(first);
    const second = parseOk(text).journey;
    expect(second).toEqual(first);
    // Serializing is idempotent: a saved file saves to the same bytes.
    expect(serializeJourney(second)).toBe(text);
  });

  it.each(['welcome-series.json', 'birthday.json', 'winback-ab.json', 'forward-compatible.json'])(
    '%s is already canonical and saves to the same bytes',
    (name) => {
      const text = fixtureText('journeys', name);
      expect(serializeJourney(parseOk(text).journey)).toBe(text);
    },
  );

  it('keeps keys it does not know, at every level', () => {
    const text = serializeJourney(loadJourney('forward-compatible.json'));
    const saved = JSON.parse(text) as Record<string, unknown> & {
      settings: Record<string, unknown>;
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    expect(saved['x-exported-by']).toBe('a future build');
    expect(saved.settings['x-owner']).toBe('growth-team');
    expect(saved.nodes[0]?.['x-color']).toBe('teal');
    expect(saved.nodes[0]?.position).toEqual({ x: 10, y: 20, layer: 2 });
    expect((saved.nodes[0]?.config as Record<string, unknown>)['x-sampling']).toBe(0.5);
    expect(saved.edges[0]?.['x-note']).toBe('entry');
  });

  it('writes keys in a stable order with two-space indent', () => {
    const journey = loadJourney('abandoned-cart.json');
    const shuffled = {
      ...journey,
      nodes: journey.nodes.map((n) => ({ config: { ...n.config }, kind: n.kind, id: n.id })),
      edges: journey.edges.map((e) => ({
        to: e.to,
        ...(e.port ? { port: e.port } : {}),
        from: e.from,
      })),
    };
    const text = serializeJourney(shuffled);
    expect(
      text.startsWith(
        '{\n  "format": "journey-studio/journey",\n  "version": 1,\n  "id": "abandoned-cart",',
      ),
    ).toBe(true);
    expect(text).toContain(
      '{\n      "from": "bought",\n      "port": "no",\n      "to": "mail1"\n    }',
    );
    expect(text).toContain(
      '"id": "mail1",\n      "kind": "message",\n      "config": {\n        "channel": "email",\n        "from"',
    );
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('journey file errors', () => {
  it('reports malformed JSON with line and column', () => {
    const [problem] = problems(
      '{\n  "format": "journey-studio/journey",\n  "version": 1,\n  "id": "x" "name": "y"\n}',
    );
    expect(problem).toMatchObject({ code: 'invalid-json', line: 4, column: 13 });
    expect(problem?.message).toContain("expected ','");
  });

  it('says a truncated file ends too early', () => {
    const text = fixtureText('journeys', 'abandoned-cart.json').slice(0, 400);
    const [problem] = problems(text);
    expect(problem?.code).toBe('invalid-json');
    expect(problem?.message).toMatch(/ends too early/);
  });

  it('rejects an empty file', () => {
    expect(problems('   ')[0]?.message).toContain('empty');
  });

  it('refuses a newer version instead of guessing', () => {
    const [problem] = problems(fixtureText('invalid', 'future-version.json'));
    expect(problem).toMatchObject({ code: 'unsupported-version', line: 3 });
    expect(problem?.message).toContain('version 3');
    expect(problem?.message).toContain('reads up to version 1');
  });

  it('names an unknown kind, its node and line, and the known kinds', () => {
    const [problem] = problems(fixtureText('invalid', 'unknown-kind.json'));
    expect(problem).toMatchObject({ code: 'unknown-kind', nodeId: 'wait1', line: 38 });
    expect(problem?.message).toContain('"delay"');
    expect(problem?.message).toContain('trigger, wait, condition, split, message, update, exit');
  });

  it('rejects duplicate node ids, pointing at both', () => {
    const [problem] = problems(fixtureText('invalid', 'duplicate-node-id.json'));
    expect(problem).toMatchObject({ code: 'duplicate-node-id', nodeId: 'wait1', line: 37 });
    expect(problem?.message).toContain('line 25');
  });

  it('explains structural problems by node and field', () => {
    const journey = JSON.parse(fixtureText('journeys', 'abandoned-cart.json')) as {
      nodes: Record<string, unknown>[];
    };
    delete journey.nodes[2]?.id;
    const [problem] = problems(JSON.stringify(journey, null, 2));
    expect(problem?.code).toBe('invalid-structure');
    expect(problem?.message).toBe('node 3 id: is required.');
    expect(problem?.line).toBeGreaterThan(1);
  });

  it('carries the facts of each problem, so the app can word it in its own language', () => {
    const [comma] = problems(
      '{\n  "format": "journey-studio/journey",\n  "id": "x" "name": "y"\n}',
    );
    expect(comma?.values).toEqual({ error: 'CommaExpected' });
    const [cut] = problems(fixtureText('journeys', 'abandoned-cart.json').slice(0, 400));
    expect(cut?.values).toMatchObject({ cutOff: 'yes' });
    expect(problems('  ')[0]?.values).toEqual({ error: 'EmptyFile' });
    expect(problems('{"format": "other/thing"}')[0]?.values).toEqual({
      expected: 'journey-studio/journey',
      found: 'other/thing',
    });
    expect(problems(fixtureText('invalid', 'future-version.json'))[0]?.values).toEqual({
      version: 3,
      supported: 1,
    });
    expect(problems(fixtureText('invalid', 'unknown-kind.json'))[0]?.values).toMatchObject({
      nodeId: 'wait1',
      kind: 'delay',
      known: 'trigger, wait, condition, split, message, update, exit',
    });
    expect(problems(fixtureText('invalid', 'duplicate-node-id.json'))[0]?.values).toMatchObject({
      nodeId: 'wait1',
      firstLine: 25,
    });
  });

  it('names the step and field of a structural problem as facts', () => {
    const journey = JSON.parse(fixtureText('journeys', 'abandoned-cart.json')) as {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    const node = journey.nodes[1] as Record<string, unknown>;
    node.label = 'Wait an hour';
    node.id = ' wait ';
    delete journey.edges[0]?.to;
    const found = problems(JSON.stringify(journey, null, 2));
    expect(found.map((p) => p.values)).toEqual([
      {
        where: 'step',
        index: 2,
        field: 'id',
        nodeId: ' wait ',
        name: 'Wait an hour',
        problem: 'spaces',
        detail: 'must not start or end with spaces',
      },
      { where: 'connection', index: 1, field: 'to', problem: 'required', detail: 'is required' },
    ]);
  });

  it('says how far a file is from its limits', () => {
    const nodes = Array.from({ length: 2001 }, (_, i) => ({ id: `n${i}`, kind: 'exit' }));
    const text = JSON.stringify({ format: 'journey-studio/journey', version: 1, nodes, edges: [] });
    expect(problems(text)[0]).toMatchObject({
      code: 'too-many-nodes',
      values: { count: 2001, limit: 2000 },
    });
  });

  it('is not fooled by another JSON document', () => {
    expect(problems('{"name": "package"}')[0]?.code).toBe('not-a-journey');
    expect(problems('[1, 2]')[0]?.code).toBe('not-a-journey');
  });
});

describe('migrations', () => {
  const renameDelay: Migration = {
    from: 1,
    describe: 'wait nodes were called delay',
    migrate: (doc) => ({
      ...doc,
      nodes: (doc.nodes as Record<string, unknown>[]).map((n) =>
        n.kind === 'delay' ? { ...n, kind: 'wait' } : n,
      ),
    }),
  };

  it('applies each step from the file version up to the current one', () => {
    const doc = {
      format: 'journey-studio/journey',
      version: 1,
      nodes: [{ id: 'a', kind: 'delay' }],
    };
    const result = migrateDocument(doc, 1, 2, [renameDelay]);
    expect(result).toEqual({
      ok: true,
      document: {
        format: 'journey-studio/journey',
        version: 2,
        nodes: [{ id: 'a', kind: 'wait' }],
      },
      applied: ['wait nodes were called delay'],
    });
  });

  it('fails clearly when a step is missing', () => {
    expect(migrateDocument({ nodes: [] }, 1, 3, [renameDelay])).toEqual({
      ok: false,
      reason: 'no migration from version 2 to 3',
      from: 2,
    });
  });

  it('runs while reading a file, so old files open as the current version', () => {
    const text = fixtureText('invalid', 'unknown-kind.json'); // a v1 file using the "delay" kind
    const result = parseJourneyFile(text, { migrations: [renameDelay], currentVersion: 2 });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.journey.nodes[1]?.kind).toBe('wait');
      expect(result.migrated).toEqual(['wait nodes were called delay']);
    }
  });
});
