import type { Clock } from '../runtime/ports';

/**
 * The system clock, never going backwards within a process: the engine applies inputs at the
 * instant they were accepted and orders them against wake-ups by it, so an NTP step back must
 * not reorder what was already accepted.
 */
export class SystemClock implements Clock {
  private last = 0;

  now(): number {
    const now = Date.now();
    if (now > this.last) this.last = now;
    return this.last;
  }
}

/** A clock a test moves by hand. */
export class ManualClock implements Clock {
  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  set(time: number): void {
    this.time = time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
