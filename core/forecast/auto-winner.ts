import { probabilityBest } from './statistics';

/** The variant key of a control group: it keeps its share whatever a test decides. */
export const CONTROL = 'control';

/** A whole UTC hour, in milliseconds: automatic winners are looked at once an hour. */
export const HOUR = 3_600_000;

/** The start of the whole UTC hour holding `t`. */
export function hourOf(t: number): number {
  return Math.floor(t / HOUR) * HOUR;
}

/** A split's rule for picking its winner automatically (DESIGN §7), defaults applied. */
export interface AutoWinnerRule {
  metric: 'conversion';
  /** Assignments every variant but the control needs before anything is decided. */
  minPerVariant: number;
  /** The probability of being the best variant that decides it. */
  confidence: number;
}

/** A winner once decided: from the whole hour `at` on, it takes every non-control entry. */
export interface WinnerDecision {
  at: number;
  variant: string;
  probability: number;
}

/** A split under test, as the store is asked about it. */
export interface SplitTest {
  journeyId: string;
  nodeId: string;
  /** Variant keys in the split's order. */
  variants: readonly string[];
  rule: AutoWinnerRule;
}

/** How decisions are keyed across journeys: journey id and split node id. */
export function winnerKey(journeyId: string, nodeId: string): string {
  return `${journeyId}\u0000${nodeId}`;
}

/** Assignments and their attributed conversions so far, in one variant. */
export interface ArmCounts {
  key: string;
  entered: number;
  converted: number;
}

/**
 * The rule itself, on counts: once every variant but the control has `minPerVariant`
 * assignments, the one whose probability of converting best (Beta-Binomial posterior, among
 * those variants) reaches `confidence` wins. The control is the test's yardstick, not a
 * contender. Undefined while nothing is decided.
 */
export function decideWinner(
  arms: readonly ArmCounts[],
  rule: AutoWinnerRule,
): { variant: string; probability: number } | undefined {
  const contenders = arms.filter((a) => a.key !== CONTROL);
  if (contenders.length < 2) return undefined;
  if (contenders.some((a) => a.entered < rule.minPerVariant)) return undefined;
  const best = probabilityBest(contenders);
  let top = 0;
  for (let i = 1; i < best.length; i++) if ((best[i] as number) > (best[top] as number)) top = i;
  const probability = best[top] as number;
  if (probability < rule.confidence) return undefined;
  return { variant: (contenders[top] as ArmCounts).key, probability };
}

/** One split's assignments and conversions, each with its time and variant, in any order. */
export interface SplitLog {
  assigned: readonly { at: number; key: string }[];
  converted: readonly { at: number; key: string }[];
}

/**
 * The decision a split would make, from a log of everything that happened at it without one:
 * the rule is looked at as execution looks at it, at the first arrival in each whole hour H,
 * on the assignments and conversions before H. Exact as long as nothing else decided before:
 * what happens before H does not depend on a decision made at H.
 */
export function firstDecision(
  log: SplitLog,
  variants: readonly string[],
  rule: AutoWinnerRule,
): WinnerDecision | undefined {
  const assigned = [...log.assigned].sort((a, b) => a.at - b.at);
  const converted = [...log.converted].sort((a, b) => a.at - b.at);
  const arms = new Map<string, ArmCounts>(
    variants.map((key) => [key, { key, entered: 0, converted: 0 }]),
  );
  let a = 0;
  let c = 0;
  let checked: number | undefined;
  for (const arrival of assigned) {
    const hour = hourOf(arrival.at);
    if (hour === checked) continue;
    checked = hour;
    for (; a < assigned.length && (assigned[a] as (typeof assigned)[number]).at < hour; a++) {
      const arm = arms.get((assigned[a] as (typeof assigned)[number]).key);
      if (arm) arm.entered++;
    }
    for (; c < converted.length && (converted[c] as (typeof converted)[number]).at < hour; c++) {
      const arm = arms.get((converted[c] as (typeof converted)[number]).key);
      if (arm) arm.converted++;
    }
    const decided = decideWinner([...arms.values()], rule);
    if (decided) return { at: hour, ...decided };
  }
  return undefined;
}
