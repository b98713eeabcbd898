import { wakeKey, type Wake } from '../runtime/ports';

interface Entry {
  at: number;
  seq: number;
  key: string;
  wake: Wake;
}

/**
 * Scheduled wake-ups in time order; among wake-ups due at the same instant, the one scheduled
 * first runs first (the executor orders its table the same way). Scheduling a wake-up with the
 * key of a pending one replaces it; the replaced entry is skipped when it surfaces.
 */
export class WakeQueue {
  private readonly heap: Entry[] = [];
  private readonly current = new Map<string, number>();
  private seq = 0;

  get size(): number {
    return this.current.size;
  }

  schedule(wake: Wake): void {
    const entry: Entry = { at: wake.at, seq: ++this.seq, key: wakeKey(wake), wake };
    this.current.set(entry.key, entry.seq);
    this.heap.push(entry);
    this.up(this.heap.length - 1);
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
    this.current.delete(top.key);
    return top.wake;
  }

  private dropStale(): void {
    for (let top = this.heap[0]; top && this.current.get(top.key) !== top.seq; top = this.heap[0])
      this.removeTop();
  }

  private removeTop(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: Entry, b: Entry): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(index: number): void {
    const heap = this.heap;
    const entry = heap[index] as Entry;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as Entry;
      if (!this.less(entry, above)) break;
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
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      const child =
        right < length && this.less(heap[right] as Entry, heap[left] as Entry) ? right : left;
      if (!this.less(heap[child] as Entry, entry)) break;
      heap[index] = heap[child] as Entry;
      index = child;
    }
    heap[index] = entry;
  }
}
