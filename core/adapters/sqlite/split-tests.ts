import {
  decideWinner,
  hourOf,
  type SplitTest,
  type WinnerDecision,
} from '../../forecast/auto-winner';
import type { Enrollment, PendingAssignment } from '../../runtime/ports';
import type { Db } from './database';

interface WinnerRow {
  checked_hour: number;
  at: number | null;
  variant: string | null;
  probability: number | null;
}

/** Per A/B variant of a split: assignments, and those converted within the attribution window. */
export type VariantFigures = Record<string, Record<string, { entered: number; converted: number }>>;

function statements(db: Db) {
  const p = (text: string) => db.prepare(text);
  return {
    keep: p(
      `INSERT INTO split_assignments (enrollment_id, node_id, at, journey_id, version, profile_id, variant)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    convert: p(
      `UPDATE split_assignments SET converted_at = ?
       WHERE enrollment_id = ? AND node_id = ? AND at = ? AND converted_at IS NULL`,
    ),
    winner: p(
      'SELECT checked_hour, at, variant, probability FROM split_winners WHERE journey_id = ? AND node_id = ?',
    ),
    countsBefore: p(
      `SELECT variant, COUNT(*) AS entered, COUNT(converted_at < ? OR NULL) AS converted
       FROM split_assignments WHERE journey_id = ? AND node_id = ? AND at < ? GROUP BY variant`,
    ),
    checked: p(
      `INSERT INTO split_winners (journey_id, node_id, checked_hour, at, variant, probability)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(journey_id, node_id) DO UPDATE SET checked_hour = excluded.checked_hour,
         at = excluded.at, variant = excluded.variant, probability = excluded.probability`,
    ),
    figures: p(
      `SELECT node_id, variant, COUNT(*) AS entered, COUNT(converted_at) AS converted
       FROM split_assignments WHERE journey_id = ? GROUP BY node_id, variant`,
    ),
    winners: p(
      `SELECT node_id, at, variant, probability FROM split_winners
       WHERE journey_id = ? AND variant IS NOT NULL`,
    ),
  };
}

/**
 * A/B tests in execution: every assignment to a variant and its attributed conversion (DESIGN
 * §4), and automatic winners (DESIGN §7), decided lazily — at the first arrival at a split in
 * each whole UTC hour, from the assignments and conversions before that hour — and kept once made.
 */
export class SplitTests {
  private readonly sql: ReturnType<typeof statements>;

  constructor(db: Db) {
    this.sql = statements(db);
  }

  keepAssignment(enrollment: Enrollment, assignment: PendingAssignment): void {
    this.sql.keep.run(
      enrollment.id,
      assignment.node,
      assignment.at,
      enrollment.journeyId,
      enrollment.version,
      enrollment.profileId,
      assignment.key,
    );
  }

  keepConversion(enrollment: Enrollment, assignment: PendingAssignment, at: number): void {
    this.sql.convert.run(at, enrollment.id, assignment.node, assignment.at);
  }

  winner(test: SplitTest, now: number): { decision: WinnerDecision; fresh: boolean } | undefined {
    const row = this.sql.winner.get(test.journeyId, test.nodeId) as WinnerRow | undefined;
    if (row?.variant != null && row.at != null && row.probability != null)
      return {
        decision: { at: row.at, variant: row.variant, probability: row.probability },
        fresh: false,
      };
    const hour = hourOf(now);
    // Looked at already this hour: the counts before it cannot have changed since.
    if (row?.checked_hour === hour) return undefined;
    const rows = this.sql.countsBefore.all(hour, test.journeyId, test.nodeId, hour) as {
      variant: string;
      entered: number;
      converted: number;
    }[];
    const arms = test.variants.map((key) => {
      const found = rows.find((r) => r.variant === key);
      return { key, entered: found?.entered ?? 0, converted: found?.converted ?? 0 };
    });
    const decided = decideWinner(arms, test.rule);
    this.sql.checked.run(
      test.journeyId,
      test.nodeId,
      hour,
      decided ? hour : null,
      decided?.variant ?? null,
      decided?.probability ?? null,
    );
    return decided && { decision: { at: hour, ...decided }, fresh: true };
  }

  /** Every split's figures per variant, as the live view shows them. */
  figures(journeyId: string): VariantFigures {
    const out: VariantFigures = {};
    const rows = this.sql.figures.all(journeyId) as {
      node_id: string;
      variant: string;
      entered: number;
      converted: number;
    }[];
    for (const r of rows)
      (out[r.node_id] ??= {})[r.variant] = { entered: r.entered, converted: r.converted };
    return out;
  }

  /** The automatic winners decided so far, by split. */
  winners(journeyId: string): Record<string, WinnerDecision> {
    const rows = this.sql.winners.all(journeyId) as {
      node_id: string;
      at: number;
      variant: string;
      probability: number;
    }[];
    return Object.fromEntries(
      rows.map((r) => [r.node_id, { at: r.at, variant: r.variant, probability: r.probability }]),
    );
  }
}
