import type { ManualClock } from '../../../core/adapters/system-clock';
import type { OutboxMessageRecord, Transport } from '../../../core/executor/delivery';
import type { Timers, TransportSet } from '../../../core/executor/ports';

/** Timers a test runs by hand, on the test's clock. */
export class HandTimers implements Timers {
  private turns: (() => void)[] = [];
  private timers: { at: number; work: () => void; every?: number }[] = [];

  constructor(private readonly clock: ManualClock) {}

  soon(work: () => void): void {
    this.turns.push(work);
  }

  after(ms: number, work: () => void): () => void {
    const timer = { at: this.clock.now() + ms, work };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  every(ms: number, work: () => void): () => void {
    const timer = { at: this.clock.now() + ms, work, every: ms };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  /** Runs turns (and lets sends settle between them) until nothing is left to do now. */
  async settle(): Promise<void> {
    for (let round = 0; round < 200; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      const due = this.timers.filter((t) => t.at <= this.clock.now());
      for (const t of due) {
        if (t.every) t.at += t.every;
        else this.timers = this.timers.filter((other) => other !== t);
      }
      const turns = this.turns;
      this.turns = [];
      for (const work of [...turns, ...due.map((t) => t.work)]) work();
      if (turns.length === 0 && due.length === 0) return;
    }
    throw new Error('the engine never settled');
  }

  /** Moves the clock on in steps, running what falls due on the way. */
  async advance(ms: number, step = 10_000): Promise<void> {
    for (let moved = 0; moved < ms; moved += step) {
      this.clock.advance(Math.min(step, ms - moved));
      await this.settle();
    }
  }
}

/** Email kept in memory, with the SMTP switch the app uses. */
export class MemoryTransports implements TransportSet {
  readonly sent: OutboxMessageRecord[] = [];
  readonly closed: string[] = [];
  smtpUrl: string | undefined;
  private readonly mail: Transport = {
    name: 'memory',
    send: (entry) => {
      this.sent.push(entry);
      return Promise.resolve({ ok: true, detail: '250 kept' });
    },
  };

  transport(): Transport {
    return this.mail;
  }

  get email(): 'smtp' | 'embedded' {
    return this.smtpUrl ? 'smtp' : 'embedded';
  }

  useSmtp(url: string | undefined): (() => void) | undefined {
    const previous = this.smtpUrl;
    this.smtpUrl = url;
    return previous === undefined ? undefined : () => this.closed.push(previous);
  }

  close(): void {
    if (this.smtpUrl) this.closed.push(this.smtpUrl);
  }
}
