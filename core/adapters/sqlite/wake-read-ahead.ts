import type { PendingWake } from '../../executor/ports';
import { wakesBefore, type Wake } from '../../runtime/ports';
import type { WakeRow } from './engine-statements';

/** Wake-ups read ahead at once. */
const WAKE_READ_AHEAD = 64;

/** Whether a wake-up scheduled as `seq` runs before a pending one (same order as the table). */
function runsBefore(wake: Wake, seq: number, other: PendingWake): boolean {
  return (
    wake.at < other.wake.at ||
    (wake.at === other.wake.at && wakesBefore(wake, seq, other.wake, other.seq))
  );
}

/**
 * The first pending wake-ups in the order they run, read from the table ahead of need and kept
 * exact as wake-ups are scheduled and taken, so the engine asks the table again only when what
 * was read runs out.
 */
export class WakeReadAhead {
  private upcoming: PendingWake[] | undefined;
  /** Whether `upcoming` holds every pending wake-up. */
  private complete = false;

  /** A wake-up just written; a keyed one (`replaces`) took the place of the one with its key. */
  scheduled(pending: PendingWake, replaces: boolean): void {
    const upcoming = this.upcoming;
    if (!upcoming) return;
    const { key, seq, wake } = pending;
    // A replaced wake-up leaves; a new one joins when it falls within the range read (which is
    // everything, once the table was read to its end).
    if (replaces) {
      const old = upcoming.findIndex((p) => p.key === key);
      if (old >= 0) upcoming.splice(old, 1);
    }
    const last = upcoming[upcoming.length - 1];
    if (this.complete || (last !== undefined && runsBefore(wake, seq, last))) {
      let i = upcoming.length;
      while (i > 0 && runsBefore(wake, seq, upcoming[i - 1] as PendingWake)) i--;
      upcoming.splice(i, 0, pending);
    }
  }

  /** The first pending wake-up, reading ahead with `read` when nothing read is left. */
  next(read: (limit: number) => WakeRow[]): PendingWake | undefined {
    if (!this.upcoming || (this.upcoming.length === 0 && !this.complete)) {
      const rows = read(WAKE_READ_AHEAD);
      this.upcoming = rows.map((r) => ({
        key: r.key ?? '',
        seq: r.seq,
        wake: JSON.parse(r.wake) as Wake,
      }));
      this.complete = rows.length < WAKE_READ_AHEAD;
    }
    return this.upcoming[0];
  }

  /** The wake-up numbered `seq` is gone from the table. */
  taken(seq: number): void {
    const upcoming = this.upcoming;
    if (!upcoming) return;
    const i = upcoming.findIndex((p) => p.seq === seq);
    if (i >= 0) upcoming.splice(i, 1);
  }

  /** Forgets what was read: the table is read again at the next need. */
  clear(): void {
    this.upcoming = undefined;
  }
}
