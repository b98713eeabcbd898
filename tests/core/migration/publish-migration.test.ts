import { describe, expect, it } from 'vitest';
import { groupKey, parseGroupKey } from '../../../core/migration/migration-plan';
import { PublishMigration, type PeoplePlace } from '../../../core/migration/publish-migration';
import type { Journey } from '../../../core/model/journey';
import { DAY, START, V1, V2 } from './migration-fixtures';

const versions = (v: number): Journey | undefined => (v === 1 ? V1 : undefined);

const PLACES: PeoplePlace[] = [
  {
    version: 1,
    nodeId: 'tail',
    variants: { s: 'A' },
    count: 13,
    until: { first: START + 7 * DAY, last: START + 8 * DAY },
  },
  {
    version: 1,
    nodeId: 'w1',
    count: 12,
    until: { first: START + 4 * DAY, last: START + 4 * DAY + 660_000 },
  },
  {
    version: 1,
    nodeId: 'wb',
    variants: { s: 'B' },
    count: 5,
    until: { first: START + 4 * DAY, last: START + 4 * DAY },
  },
  {
    version: 1,
    nodeId: 'tail',
    variants: { s: 'B' },
    count: 6,
    until: { first: START + 8 * DAY, last: START + 8 * DAY },
  },
  // People already on the version being published are not part of any group.
  { version: 2, nodeId: 'w1', count: 3 },
];

describe('the impact of publishing a new version', () => {
  const migration = new PublishMigration(V2, 2, versions);
  const impact = migration.impact(PLACES);

  it('groups the people inside by what the new version does to their step, gone steps first', () => {
    expect(impact.total).toBe(36);
    expect(impact.groups.map((g) => [g.key, g.count])).toEqual([
      ['1/removed/wb', 5],
      ['1/variant-removed/tail', 6],
      ['1/changed/w1', 12],
      ['1/unchanged/tail', 13],
    ]);
  });

  it('says what changed about a changed wait, and keeps the wake-up times of those on it', () => {
    const w1 = impact.groups.find((g) => g.step.id === 'w1')!;
    expect(w1.step.title).toBe('Wait 2 days');
    expect(w1.reason).toBe('changed');
    expect(w1.until).toEqual({ first: START + 4 * DAY, last: START + 4 * DAY + 660_000 });
    expect(w1.changes).toEqual([
      expect.objectContaining({ type: 'node-changed', field: ['duration'] }),
    ]);
    expect(w1.actions).toEqual(['stay', 'continue', 'move', 'exit']);
  });

  it('offers no way to go on from a deleted wait', () => {
    const wb = impact.groups.find((g) => g.step.id === 'wb')!;
    expect(wb.reason).toBe('removed');
    expect(wb.step.title).toBe('Wait a day');
    expect(wb.actions).toEqual(['stay', 'move', 'exit']);
  });

  it('names the variant of a changed split that people took and the new version removed', () => {
    const tail = impact.groups.find((g) => g.reason === 'variant-removed')!;
    expect(tail.removedVariants?.map((v) => [v.split.id, v.key, v.label, v.count])).toEqual([
      ['s', 'B', 'Later', 6],
    ]);
    expect(tail.actions).toContain('continue');
  });

  it('lists every step but the trigger as a place to move people to', () => {
    expect(impact.targets.map((t) => t.id)).toEqual(['w1', 's', 'ma', 'mc', 'tail']);
  });
});

describe('a migration plan', () => {
  const migration = new PublishMigration(V2, 2, versions);

  it('is fine when every choice can be carried out', () => {
    expect(
      migration.check({
        '1/changed/w1': { action: 'continue' },
        '1/removed/wb': { action: 'move', to: 'mc' },
        '1/variant-removed/tail': { action: 'exit' },
        '1/unchanged/tail': { action: 'stay' },
        // A group nobody is in any more is no problem.
        '1/unchanged/ma': { action: 'continue' },
      }),
    ).toEqual([]);
  });

  it('refuses each impossible choice with a code, its group and a reason', () => {
    const problems = migration.check({
      '1/removed/wb': { action: 'continue' },
      '1/changed/w1': { action: 'move', to: 'start' },
      '1/unchanged/tail': { action: 'move', to: 'gone' },
      '7/changed/w1': { action: 'exit' },
      nonsense: { action: 'exit' },
    });
    expect(problems.map((p) => [p.code, p.group])).toEqual([
      ['migration/cannot-continue', '1/removed/wb'],
      ['migration/step-takes-no-one', '1/changed/w1'],
      ['migration/no-such-step', '1/unchanged/tail'],
      ['migration/unknown-group', '7/changed/w1'],
      ['migration/unknown-group', 'nonsense'],
    ]);
    expect(problems[0]?.message).toContain('“Wait a day” is not in the new version');
    expect(problems[1]?.message).toContain('cannot be moved to the trigger');
  });

  it('refuses to let people go on from a wait that lost the way out they wait for', () => {
    const byEvent: Journey = {
      ...V2,
      nodes: V2.nodes.map((n) =>
        n.id === 'tail' ? { ...n, config: { mode: 'event', event: 'buy', timeout: 'P5D' } } : n,
      ),
    };
    const problems = new PublishMigration(byEvent, 2, versions).check({
      '1/changed/tail': { action: 'continue' },
    });
    expect(problems.map((p) => p.code)).toEqual(['migration/cannot-continue']);
    expect(problems[0]?.message).toContain('lost a way out');
  });

  it('finds the choice for one person from their version, step and variants', () => {
    const plan = {
      '1/changed/w1': { action: 'continue' },
      '1/variant-removed/tail': { action: 'exit' },
      '1/unchanged/tail': { action: 'stay' },
    } as const;
    expect(migration.choiceFor(plan, { version: 1, nodeId: 'w1' })).toEqual({ action: 'continue' });
    expect(migration.choiceFor(plan, { version: 1, nodeId: 'tail', variants: { s: 'B' } })).toEqual(
      { action: 'exit' },
    );
    expect(migration.choiceFor(plan, { version: 1, nodeId: 'tail', variants: { s: 'A' } })).toBe(
      undefined,
    );
    expect(migration.choiceFor(plan, { version: 2, nodeId: 'w1' })).toBe(undefined);
  });

  it('reads its group keys back, step ids with slashes included', () => {
    const key = groupKey({ version: 3, reason: 'removed', nodeId: 'a/b' });
    expect(parseGroupKey(key)).toEqual({ version: 3, reason: 'removed', nodeId: 'a/b' });
    expect(parseGroupKey('3/moved/a')).toBe(undefined);
    expect(parseGroupKey('0/removed/a')).toBe(undefined);
  });
});
