import { mkdtempSync, openSync, rmSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import { JourneyRepository } from '../../../core/adapters/sqlite/journey-repository';
import type { Journey, JourneyEdge, JourneyNode } from '../../../core/model/journey';
import { parseJourneyFile } from '../../../core/model/journey-file';
import { validateJourney } from '../../../core/validation/validate';
import { edge, journey, node } from '../build';
import { cli } from '../cli/cli';

const dir = mkdtempSync(join(tmpdir(), 'journey-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD =
  '{"format":"journey-studio/journey","version":1,"id":"big","name":"Big","settings":{},';
const TRIGGER = '{"id":"start","kind":"trigger","config":{"on":"event","event":"cart"}}';

/** A journey file whose condition is `depth` groups deep, written as text (JSON.stringify overflows). */
function deepConditionFile(depth: number): string {
  const condition =
    '{"all":['.repeat(depth) + '{"attribute":"vip","op":"exists"}' + ']}'.repeat(depth);
  return `${HEAD}"nodes":[${TRIGGER},\n{"id":"c","kind":"condition","config":${condition}}],"edges":[{"from":"start","to":"c"}]}`;
}

/** A straight line of `count` waits after the trigger. */
function longJourney(count: number): Journey {
  const nodes: JourneyNode[] = [node('start', 'trigger', { on: 'event', event: 'cart' })];
  const edges: JourneyEdge[] = [];
  for (let i = 1; i < count; i++) {
    nodes.push(node(`w${i}`, 'wait', { mode: 'duration', duration: 'PT1H' }));
    edges.push(edge(i === 1 ? 'start' : `w${i - 1}`, `w${i}`));
  }
  return journey(nodes, edges, {}, 'big');
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('journey size limits', () => {
  it('refuses a condition nested 3,000 deep with a code and a line, where validate overflowed the stack', async () => {
    const { code, stdout } = await cli('validate', write('deep.json', deepConditionFile(3_000)));
    expect(code).toBe(1);
    expect(stdout[0]).toMatch(
      /deep\.json:2:\d+ +error +nesting-too-deep +This journey is nested more than 100 levels deep/,
    );
  });

  it('refuses a condition nested 1,000 deep before anything draws or walks it', () => {
    const parsed = parseJourneyFile(deepConditionFile(1_000));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.code).toBe('nesting-too-deep');
  });

  it('reports a condition nested deeper than 32 groups on its node, in words', () => {
    const parsed = parseJourneyFile(deepConditionFile(40));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const result = validateJourney(parsed.journey);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'condition-too-deep',
        nodeId: 'c',
        message:
          'This condition has groups inside groups more than 32 deep; simplify it (a journey can use several condition steps).',
      }),
    );
    const shallow = parseJourneyFile(deepConditionFile(30));
    expect(shallow.ok).toBe(true);
    if (shallow.ok) {
      const codes = validateJourney(shallow.journey).issues.map((i) => i.code);
      expect(codes).not.toContain('condition-too-deep');
    }
  });

  it('refuses a 1,000,000-node file by its size, without reading it into memory', async () => {
    const file = join(dir, 'million.json');
    const fd = openSync(file, 'w');
    writeSync(fd, `${HEAD}"nodes":[${TRIGGER}`);
    const chunk = Array.from(
      { length: 1_000 },
      (_, i) => `,{"id":"n${i}","kind":"exit","config":{}}`,
    ).join('');
    for (let i = 0; i < 1_000; i++) writeSync(fd, chunk.replaceAll('"n', `"n${i}_`));
    writeSync(fd, '],"edges":[]}');
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const { code, stdout } = await cli('validate', file);
    expect(code).toBe(1);
    expect(stdout[0]).toMatch(
      /million\.json +error +journey-too-large +This journey file is [\d.]+ MB; a journey file can be at most 10 MB/,
    );
    expect(process.memoryUsage().rss - before).toBeLessThan(100_000_000);
  }, 30_000);

  it('refuses a 70,000-node journey that fits the import cap, and lists one stored before quickly', async () => {
    const big = longJourney(70_000);
    const parsed = parseJourneyFile(JSON.stringify(big));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0]).toMatchObject({
        code: 'too-many-nodes',
        message: 'This journey has 70,000 steps; a journey can have at most 2,000.',
      });
    }
    const db = openDatabase(':memory:');
    const app = createAppService({ db, now: () => 0 });
    const imported = await app.handlers.importJourney({
      fileName: 'big.json',
      text: JSON.stringify(big),
    });
    expect(imported).toMatchObject({ ok: false });
    if (!imported.ok) {
      expect(imported.problems.map((p) => p.code)).toEqual(['too-many-nodes', 'too-many-edges']);
    }

    // A journey stored before the limit existed.
    new JourneyRepository(db).save(big, 0);
    const list = await app.handlers.listJourneys({});
    // The list is asked for often; once read, the big journey costs nothing more.
    const started = performance.now();
    for (let i = 0; i < 5; i++) await app.handlers.listJourneys({});
    expect(performance.now() - started).toBeLessThan(500);
    expect(list[0]).toMatchObject({ id: 'big', nodeCount: 70_000, errors: 2 });
    expect(validateJourney(big).issues.map((i) => [i.code, i.severity])).toEqual([
      ['too-many-nodes', 'error'],
      ['too-many-edges', 'error'],
    ]);
  }, 60_000);

  it('counts connections too, and leaves a journey of 2,000 steps alone', () => {
    const wide = journey(
      [node('start', 'trigger', { on: 'event', event: 'cart' }), node('end', 'exit')],
      Array.from({ length: 10_001 }, () => edge('start', 'end')),
    );
    const result = validateJourney(wide);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'too-many-edges',
        message: 'This journey has 10,001 connections; a journey can have at most 10,000.',
      }),
    ]);
    const line = longJourney(2_000);
    expect(validateJourney(line).errors).toBe(0);
    expect(parseJourneyFile(JSON.stringify(line)).ok).toBe(true);
  });
});
