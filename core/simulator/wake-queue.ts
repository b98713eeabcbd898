import { wakeKey, wakesBefore, type Wake } from '../runtime/ports';

/** A wake-up with its place in the queue; the queue owns the wake objects it is given. */
type Entry = Wake & {
  seq: number;
  /** Replacement key; empty for enrollment wake-ups (see `schedule`). */
  key: string;
};

/** A copy of a queue's state. */
export interface WakeQueueState {
  readonly heap: readonly Entry[];
  readonly current: ReadonlyMap<string, number>;
  readonly seq: number;
}

/** Whether `a` runs before `b`: by time, then as `wakesBefore` orders one instant. */
function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && wakesBefore(a, a.seq, b, b.seq));
}

/**
 * Scheduled wake-ups in time order; among wake-ups due at the same instant, by the journey's
 * priority, then journey id, then the one scheduled first (the executor orders its table the
 * same way). Scheduling a wake-up with the key of a pending one replaces it; the replaced entry
 * is skipped when it surfaces.
 */
export class WakeQueue {
  private readonly heap: Entry[] = [];
  private readonly current = new Map<string, number>();
  private seq = 0;

  schedule(wake: Wake): void {
    // An enrollment wake-up carries a token the interpreter checks, so a replaced one is
    // harmless when it surfaces: only the other kinds need the bookkeeping of replacement.
    const key = wake.kind === 'enrollment' ? '' : wakeKey(wake);
    const entry = wake as Entry;
    entry.seq = ++this.seq;
    entry.key = key;
    if (key) this.current.set(key, entry.seq);
    this.heap.push(entry);
    this.up(this.heap.length - 1);
  }

  /** The queue as it is now, to come back to (`restore`); entries are never changed once queued. */
  snapshot(): WakeQueueState {
    return { heap: this.heap.slice(), current: new Map(this.current), seq: this.seq };
  }

  restore(state: WakeQueueState): void {
    this.heap.length = 0;
    for (const entry of state.heap) this.heap.push(entry);
    this.current.clear();
    for (const [key, seq] of state.current) this.current.set(key, seq);
    this.seq = state.seq;
  }

  clear(): void {
    this.heap.length = 0;
    // Clearing allocates a new table even for an empty map; this runs once per profile.
    if (this.current.size > 0) this.current.clear();
  }

  /** Time of the next live wake-up, if any. */
  peekTime(): number | undefined {
    this.dropStale();
    return this.heap[0]?.at;
  }

  /** Removes and returns the next live wake-up. */
  pop(): Wake | undefined {
    this.dropStale();
    const top = this.heap[0];
    if (!top) return undefined;
    this.removeTop();
    if (top.key) this.current.delete(top.key);
    return top;
  }

  private dropStale(): void {
    for (
      let top = this.heap[0];
      top && top.key && this.current.get(top.key) !== top.seq;
      top = this.heap[0]
    ) {
      this.removeTop();
    }
  }

  private removeTop(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private up(index: number): void {
    const heap = this.heap;
    const entry = heap[index] as Entry;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as Entry;
      if (before(above, entry)) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = entry;
  }

  private down(index: number): void {
    const heap = this.heap;
    const length = heap.length;
    const entry = heap[index] as Entry;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      const left = heap[child] as Entry;
      const right = heap[child + 1];
      let smaller = left;
      if (right && before(right, left)) {
        child++;
        smaller = right;
      }
      if (before(entry, smaller)) break;
      heap[index] = smaller;
      index = child;
    }
    heap[index] = entry;
  }
}
