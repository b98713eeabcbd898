import { describe, expect, it } from 'vitest';
import { MigrationPlanError } from '../../../core/executor/executor';
import type { MigrationPlan } from '../../../core/migration/migration-plan';
import type { StepRecord } from '../../../core/runtime/ports';
import { SimulationInputError } from '../../../core/simulator/simulate';
import { describeEachStore } from '../adapters/postgres/test-stores';
import {
  comparable,
  enrollmentsFromPaths,
  executeScenario,
  plain,
  simulateScenario,
  type Scenario,
} from '../executor/agreement';
import { cohort, DAY, PUBLISH_AT, START, V1, V2 } from './migration-fixtures';

const PLAN: MigrationPlan = {
  // On the changed wait: they keep the wake-up they were given (day 4, not day 5).
  '1/changed/w1': { action: 'continue' },
  // On the deleted wait: straight to the new discount mail.
  '1/removed/wb': { action: 'move', to: 'mc' },
  // Took the removed variant, cooling down: out.
  '1/variant-removed/tail': { action: 'exit' },
};

function scenario(migration: MigrationPlan = PLAN): Scenario {
  return {
    journey: V1,
    ...cohort(),
    start: START,
    end: START + 14 * DAY,
    republish: { at: PUBLISH_AT, journey: V2, migration },
  };
}

const of = (paths: Map<string, StepRecord[]>, id: string) =>
  (paths.get(id) ?? []).map((r) => {
    const {
      at,
      journeyId: _j,
      profileId: _p,
      enrollmentId: _e,
      ...rest
    } = r as StepRecord & {
      enrollmentId?: string;
    };
    return { day: (at - START) / DAY, ...rest };
  });

/** Who took which variant at the split, in a run. */
function variantOf(paths: Map<string, StepRecord[]>, id: string): string | undefined {
  const step = paths.get(id)?.find((r) => r.type === 'variant');
  return step?.type === 'variant' ? step.key : undefined;
}

describe('a migration in simulation', () => {
  const sim = simulateScenario(scenario());

  it('lets people on a changed wait go on at their old wake-up time, through the new split', () => {
    // Day 2's people wait on “Wait 2 days” until day 4; version 2 (3 days) does not move that.
    const path = of(sim.paths, 'p2-0');
    const migrate = path.find((r) => r.type === 'migrate');
    expect(migrate).toMatchObject({ day: 3.5, action: 'continue', nodeId: 'w1', toVersion: 2 });
    const leave = path.find((r) => r.type === 'leave' && r.nodeId === 'w1');
    expect(leave?.day).toBe(4);
    // Version 2's split has no variant B.
    for (let i = 0; i < 12; i++) expect(['A', 'C']).toContain(variantOf(sim.paths, `p2-${i}`));
  });

  it('moves people off a deleted wait to the chosen step at once', () => {
    const onWb = [...sim.paths.keys()].filter((id) =>
      of(sim.paths, id).some((r) => r.type === 'migrate' && r.nodeId === 'wb'),
    );
    expect(onWb.length).toBeGreaterThan(0);
    for (const id of onWb) {
      const path = of(sim.paths, id);
      const at = path.findIndex((r) => r.type === 'migrate');
      expect(path.slice(at, at + 3)).toMatchObject([
        { day: 3.5, type: 'migrate', action: 'move', to: 'mc' },
        { day: 3.5, type: 'arrive', nodeId: 'mc' },
        { day: 3.5, type: 'message', nodeId: 'mc' },
      ]);
      // The old wake-up of the deleted wait never fires: no mail from “mb”.
      expect(path.some((r) => r.type === 'arrive' && r.nodeId === 'mb')).toBe(false);
    }
  });

  it('takes out those who took the removed variant, and leaves the rest on version 1', () => {
    const exited = [...sim.paths.keys()].filter((id) =>
      of(sim.paths, id).some((r) => r.type === 'migrate' && r.action === 'exit'),
    );
    expect(exited.length).toBeGreaterThan(0);
    for (const id of exited) {
      expect(variantOf(sim.paths, id)).toBe('B');
      expect(of(sim.paths, id).at(-1)).toMatchObject({ day: 3.5, type: 'end', status: 'exited' });
    }
    // Variant A people cooling down had no choice made: they finish where they are.
    const a = [...sim.paths.keys()].filter(
      (id) => id.startsWith('p0-') && variantOf(sim.paths, id) === 'A',
    );
    expect(a.length).toBeGreaterThan(0);
    for (const id of a) {
      expect(of(sim.paths, id).some((r) => r.type === 'migrate')).toBe(false);
      expect(of(sim.paths, id).at(-1)).toMatchObject({ type: 'end', status: 'completed' });
    }
  });

  it('refuses a plan that cannot be carried out', () => {
    expect(() => simulateScenario(scenario({ '1/removed/wb': { action: 'continue' } }))).toThrow(
      SimulationInputError,
    );
  });
});

describeEachStore('a migration in execution', (store) => {
  it('is applied with the publish, recorded in the journal, and agrees with the simulation', async () => {
    const s = scenario();
    const sim = simulateScenario(s);
    const exec = await executeScenario(s, { db: await store.open() });
    expect(plain(Object.fromEntries(exec.paths))).toEqual(plain(Object.fromEntries(sim.paths)));
    const byProfile = (messages: typeof exec.messages) => {
      const out: Record<string, unknown[]> = {};
      for (const m of plain(messages)) (out[m.profileId] ??= []).push(m);
      return out;
    };
    expect(byProfile(exec.messages)).toEqual(byProfile(sim.messages));
    const derived = enrollmentsFromPaths(sim.paths);
    const stored = exec.enrollments.map(comparable);
    expect(stored).toEqual(stored.map((e) => plain(derived.get(e.id as string))));

    // Auditable: one journal line per person carried over, with what was chosen.
    const steps = exec.db
      .prepare("SELECT step FROM journal_steps WHERE type = 'migrate'")
      .all() as { step: string }[];
    const journaled = ['continue', 'exit', 'move']
      .map((action) => ({
        action,
        n: steps.filter((r) => (JSON.parse(r.step) as { action: string }).action === action).length,
      }))
      .filter((r) => r.n > 0);
    const simulated = [...sim.paths.values()].flat().filter((r) => r.type === 'migrate');
    expect(journaled).toEqual(
      ['continue', 'exit', 'move']
        .map((action) => ({
          action,
          n: simulated.filter((r) => r.type === 'migrate' && r.action === action).length,
        }))
        .filter((r) => r.n > 0),
    );
    // The version column follows the people carried over.
    const versions = exec.db
      .prepare(
        "SELECT version, COUNT(*) AS n FROM enrollments WHERE id LIKE 'cart:p2-%' GROUP BY version",
      )
      .all();
    expect(versions).toEqual([{ version: 2, n: 12 }]);
    exec.db.close();
  });

  it('publishes nothing and moves nobody when the plan cannot be carried out', async () => {
    const s = { ...scenario(), republish: undefined, end: PUBLISH_AT };
    const exec = await executeScenario(s, { db: await store.open() });
    const before = exec.db.prepare('SELECT id, version, node_id, data FROM enrollments').all();
    expect(() =>
      exec.executor.publish(V2, PUBLISH_AT, {
        '1/changed/w1': { action: 'exit' },
        '1/removed/wb': { action: 'move', to: 'start' },
      }),
    ).toThrow(MigrationPlanError);
    expect(exec.db.prepare('SELECT MAX(version) AS v FROM journey_versions').get()).toEqual({
      v: 1,
    });
    expect(exec.db.prepare('SELECT id, version, node_id, data FROM enrollments').all()).toEqual(
      before,
    );
    expect(
      exec.db.prepare("SELECT COUNT(*) AS n FROM journal_steps WHERE type = 'migrate'").get(),
    ).toEqual({ n: 0 });
    // The same executor publishes a good plan afterwards.
    const result = exec.executor.publish(V2, PUBLISH_AT, { '1/changed/w1': { action: 'exit' } });
    expect(result).toMatchObject({ version: 2, created: true, migrated: { exit: 12, move: 0 } });
    exec.db.close();
  });
});
