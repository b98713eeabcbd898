// What the crash test (scripts/crash-harness.ts) sends and listens with: events over the event
// API, remembering which were acknowledged, and an SMTP server that counts what arrives.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export const TOKEN = 'crash-test-token-0123456789';

/** A small seeded generator (mulberry32), so a run can be replayed from its seed. */
export function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePort(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  messageId: string;
  body: Record<string, unknown>;
}

/** Sends calls to the API and remembers which were acknowledged. */
export class Sender {
  readonly acked = new Set<string>();
  readonly unacked = new Map<string, Sent>();
  sent = 0;
  /** Calls sent again, with the same messageId, after a kill cut off their answer. */
  readonly resent = new Set<string>();
  private n = 0;
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = rng(seed ^ 0x5eed);
  }

  private next(): Sent[] {
    const profile = `u${Math.floor(this.random() * 40)}`;
    const id = () => `m-${++this.n}`;
    const roll = this.random();
    const identify = {
      type: 'identify',
      userId: profile,
      traits: { email: `${profile}@example.com`, first_name: profile.toUpperCase() },
    };
    const event = (name: string) => ({
      type: 'track',
      userId: profile,
      event: name,
      properties: { item: `i${this.n}` },
    });
    if (roll < 0.1) return [{ messageId: id(), body: identify }];
    if (roll < 0.3) return [{ messageId: id(), body: event('purchase') }];
    if (roll < 0.45) return [{ messageId: id(), body: event('signup') }];
    return [
      { messageId: id(), body: identify },
      { messageId: id(), body: event('cart') },
    ];
  }

  /**
   * Sends about `count` calls in batches of 100 at once: a backlog the engine works through
   * while it is killed. A batch not acknowledged is sent again with the stream.
   */
  async backlog(url: string, count: number): Promise<void> {
    while (this.sent < count) {
      const calls: Sent[] = [];
      while (calls.length < 100 && this.sent + calls.length < count) calls.push(...this.next());
      this.sent += calls.length;
      for (const c of calls) this.unacked.set(c.messageId, c);
      const res = await fetch(`${url}/v1/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ batch: calls.map((c) => ({ ...c.body, messageId: c.messageId })) }),
      });
      await res.text();
      if (res.status !== 200) continue;
      for (const c of calls) {
        this.acked.add(c.messageId);
        this.unacked.delete(c.messageId);
      }
    }
  }

  /** Sends until `stop` resolves; calls cut off by a kill stay unacknowledged for a retry. */
  async stream(url: string, stop: Promise<void>, concurrency = 3): Promise<void> {
    let stopped = false;
    void stop.then(() => (stopped = true));
    const worker = async () => {
      while (!stopped) {
        const retry = [...this.unacked.values()].slice(0, 20);
        const calls = retry.length > 0 ? retry : this.next();
        for (const c of calls) this.unacked.set(c.messageId, c);
        if (retry.length === 0) this.sent += calls.length;
        else for (const c of calls) this.resent.add(c.messageId);
        const single = calls.length === 1 && this.random() < 0.5;
        const withIds = calls.map((c) => ({ ...c.body, messageId: c.messageId }));
        try {
          const res = await fetch(
            `${url}${single ? `/v1/${String(calls[0]!.body.type)}` : '/v1/batch'}`,
            {
              method: 'POST',
              headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
              body: JSON.stringify(single ? withIds[0] : { batch: withIds }),
            },
          );
          await res.text();
          if (res.status === 200) {
            for (const c of calls) {
              this.acked.add(c.messageId);
              this.unacked.delete(c.messageId);
            }
          }
        } catch {
          // Killed mid-request: not acknowledged; sent again (same messageId) to the next process.
          await sleep(5);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
}

export async function waitForHealth(
  url: string,
  child: ChildProcess,
  timeoutMs = 20_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`run exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/v1/health`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  throw new Error('run did not become ready');
}

export class SmtpCounter {
  readonly ids: string[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          this.ids.push(/^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '?');
          callback();
        });
      },
    });
    // A client killed mid-session resets its connection: nothing to report.
    server.on('error', () => undefined);
    this.server = server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    this.port = (server.server.address() as { port: number }).port;
  }

  stop(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
