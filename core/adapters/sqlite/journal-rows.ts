import type { EngineStatements } from './engine-statements';

/**
 * Writes a unit's steps to the journal. They concern one profile at one instant: one row for
 * each such run of steps.
 */
export function writeJournal(
  statement: EngineStatements['journal'],
  records: readonly { profileId: string; at: number }[],
): void {
  let from = 0;
  while (from < records.length) {
    const first = records[from] as (typeof records)[number];
    let to = from + 1;
    while (
      to < records.length &&
      (records[to] as (typeof records)[number]).profileId === first.profileId &&
      (records[to] as (typeof records)[number]).at === first.at
    )
      to++;
    // One native stringify for the run: cheaper than shaping each record first, for the price
    // of repeating its time and profile in every step.
    statement.run(
      first.at,
      first.profileId,
      JSON.stringify(from === 0 && to === records.length ? records : records.slice(from, to)),
    );
    from = to;
  }
}
