import { describe, expect, it } from 'vitest';
import {
  comparable,
  enrollmentsFromPaths,
  executeScenario,
  plain,
  simulateScenario,
} from './agreement';
import { randomScenario } from './scenario-generator';

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

describe('simulation and execution agree', () => {
  it.each(SEEDS)('seed %i', async (seed) => {
    const scenario = randomScenario(seed);
    const sim = simulateScenario(scenario);
    const exec = await executeScenario(scenario);
    expect(plain(Object.fromEntries(exec.paths))).toEqual(plain(Object.fromEntries(sim.paths)));
    expect(plain(exec.messages)).toEqual(plain(sim.messages));
    const derived = enrollmentsFromPaths(sim.paths);
    const stored = exec.enrollments.map(comparable);
    expect(stored).toEqual(stored.map((e) => plain(derived.get(e.id as string))));
    expect(stored.length).toBe(derived.size);
  });
});
