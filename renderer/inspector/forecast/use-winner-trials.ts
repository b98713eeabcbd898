import { useEffect, useState } from 'react';
import {
  WinnerRuleTrial,
  type TestScenario,
  type WinnerRuleFindings,
} from '../../../core/forecast/winner-rule-trial';

/** Simulated tests per scenario: a rate of wrong winners to within about ±7 points. */
export const RULE_RUNS = 200;
/** Work done between two paints: the inspector keeps answering typing and clicks meanwhile. */
const SLICE_MS = 12;
/** Work between two looks at the clock: a couple of thousand arrivals, about a millisecond. */
const STEP = 2_000;
/** Values still being typed are not simulated yet. */
const SETTLE_MS = 250;

export interface TrialProgress {
  /** Tests simulated so far, over all scenarios. */
  done: number;
  total: number;
  /** One finding per scenario, once all are simulated. */
  findings?: WinnerRuleFindings[];
  /** How long the trials took, start to finish (for the record, not shown). */
  elapsedMs?: number;
}

/**
 * Simulates the tests of each scenario (`WinnerRuleTrial`) in slices of about SLICE_MS on the
 * page's own thread, yielding between them, so a trial of a few seconds shows its progress and
 * never freezes the inspector. Starts again, from scratch, when the scenarios change.
 */
export function useWinnerTrials(
  scenarios: readonly TestScenario[] | undefined,
  runs = RULE_RUNS,
): TrialProgress | undefined {
  const key = scenarios ? JSON.stringify(scenarios) : '';
  // Progress is kept with the scenarios it is for: scenarios changed show none of the old one's.
  const [state, setState] = useState<{ key: string; progress: TrialProgress } | undefined>();
  useEffect(() => {
    if (!key) return undefined;
    const given = JSON.parse(key) as TestScenario[];
    const trials = given.map((s) => new WinnerRuleTrial(s, runs));
    const total = runs * trials.length;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let started = 0;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      let open = trials.find((t) => t.done < t.runs);
      while (open && performance.now() < until) {
        open.advance(STEP);
        open = trials.find((t) => t.done < t.runs);
      }
      const done = trials.reduce((n, t) => n + t.done, 0);
      if (open) {
        setState({ key, progress: { done, total } });
        timer = setTimeout(slice, 0);
      } else {
        const findings = trials.map((t) => t.result());
        setState({
          key,
          progress: { done, total, findings, elapsedMs: performance.now() - started },
        });
      }
    };
    timer = setTimeout(() => {
      started = performance.now();
      slice();
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key, runs]);
  if (!key || !scenarios) return undefined;
  return state?.key === key ? state.progress : { done: 0, total: runs * scenarios.length };
}
