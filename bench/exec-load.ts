// Shared by the event API benchmarks: the engine under test in this process, the load from
// another (so the two cores each do one side), and the figures.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openLocalEngine } from '../core/adapters/local-engine';
import { openDatabase, type Db } from '../core/adapters/sqlite/database';
import type { LiveEngine } from '../core/executor/live-engine';
import type { Journey } from '../core/model/journey';

export const TOKEN = 'bench-token-0123456789abcdef';

/** The project folder, whether this runs from bench/ or bundled into out/node/. */
function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'bench', 'exec-load-client.mjs'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the project folder');
    dir = up;
  }
  return dir;
}

/** A journey the benchmark events enter: a cart email an hour later, unless they bought. */
export const CART_JOURNEY: Journey = {
  format: 'journey-studio/journey',
  version: 1,
  id: 'bench-cart',
  name: 'Benchmark cart',
  settings: { reentry: 'after_exit', goal: { event: 'purchase' } },
  nodes: [
    { id: 'start', kind: 'trigger', config: { on: 'event', event: 'cart' } },
    { id: 'wait', kind: 'wait', config: { mode: 'duration', duration: 'PT1H' } },
    {
      id: 'mail',
      kind: 'message',
      config: {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Your cart',
        html: '<p>{{ event.item }}</p>',
      },
    },
  ],
  edges: [
    { from: 'start', to: 'wait' },
    { from: 'wait', to: 'mail' },
  ],
};

/** An engine on a fresh database file (WAL, synchronous = FULL, as in production). */
export async function startEngine(): Promise<{
  engine: LiveEngine;
  db: Db;
  url: string;
  file: string;
}> {
  const file = join(mkdtempSync(join(tmpdir(), 'js-bench-')), 'engine.db');
  const db = openDatabase(file);
  const engine = openLocalEngine({ db, token: TOKEN, port: 0 });
  engine.publish(CART_JOURNEY);
  const url = await engine.start();
  return { engine, db, url, file };
}

export interface LoadResult {
  requests: number;
  events: number;
  failed: number;
  seconds: number;
  /** Latency percentiles of acknowledged requests, in milliseconds. */
  p50: number;
  p99: number;
}

export function load(
  url: string,
  options: { connections: number; seconds: number; batch?: number },
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(projectRoot(), 'bench', 'exec-load-client.mjs'),
        url,
        TOKEN,
        String(options.connections),
        String(options.seconds),
        String(options.batch ?? 0),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as LoadResult)
        : reject(new Error(`load exited ${code}`)),
    );
  });
}

/** The machine's load while measuring: on a shared machine the figures move with it. */
export function machine(): string {
  const [one] = loadavg();
  return `load average ${one?.toFixed(1) ?? '?'} on ${cpus().length} cores`;
}

/** CPU time this process used since `since` (from process.cpuUsage()), per unit, in µs. */
export function cpuPer(since: NodeJS.CpuUsage, units: number): string {
  const used = process.cpuUsage(since);
  return `${Math.round((used.user + used.system) / Math.max(1, units))} µs`;
}

export function perSecond(n: number, seconds: number): string {
  return Math.round(n / seconds).toLocaleString('en');
}

/** Waits until the engine has applied everything accepted; returns the seconds it took. */
export async function drained(engine: LiveEngine): Promise<number> {
  const started = performance.now();
  while (engine.status().inbox > 0) await new Promise((r) => setTimeout(r, 50));
  return (performance.now() - started) / 1000;
}
