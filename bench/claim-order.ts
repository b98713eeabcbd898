// What the claiming benchmark (pg-claiming.bench.ts) reads from its result table: whether each
// profile's jobs took effect in the order they were queued, and latency percentiles. Kept apart
// from the benchmark so a test can check the counting without PostgreSQL or the job queues.

/** One handler write, as the result table keeps it: the job's profile and its place in it. */
export interface ProfileWrite {
  profile: string;
  /** The job's position among its profile's jobs, in the order they were queued (0, 1, 2, …). */
  seq: number;
}

/**
 * How many writes came out of their profile's order, given the writes in the order they
 * happened: a write counts when a later job of the same profile was written before it (a job
 * overtaken, or a job done again after its successors).
 */
export function outOfOrder(writes: Iterable<ProfileWrite>): number {
  const highest = new Map<string, number>();
  let late = 0;
  for (const { profile, seq } of writes) {
    const seen = highest.get(profile);
    if (seen !== undefined && seq < seen) late++;
    else highest.set(profile, seq);
  }
  return late;
}

/** The value below which `p` percent of `values` lie (nearest rank); NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
