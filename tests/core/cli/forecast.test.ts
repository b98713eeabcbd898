import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../../core/simulator/report';
import { FIXTURES } from '../fixtures';
import { cli } from './cli';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const REES46 = join(ROOT, 'assets', 'samples', 'rees46-multicategory-2019-Oct-head.csv');
const MAP = 'profile_id=user_id,name=event_type,time=event_time';
const CART = join(FIXTURES, 'journeys', 'abandoned-cart.json');
const dir = mkdtempSync(join(tmpdir(), 'js-forecast-'));
const read = (path: string) => readFileSync(path, 'utf8');

describe('simulate --runs', () => {
  it('with no expected responses anywhere, --runs 1 is today’s replay, byte for byte', async () => {
    const plain = join(dir, 'plain.json');
    const one = join(dir, 'one.json');
    const a = await cli('simulate', CART, '--events', REES46, '--map', MAP, '--json', plain);
    const b = await cli(
      'simulate',
      CART,
      '--events',
      REES46,
      '--map',
      MAP,
      '--runs',
      '1',
      '--json',
      one,
    );
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(read(one)).toBe(read(plain));
    expect(b.stdout).toEqual(a.stdout.map((line) => line.replace(plain, one)));
  });

  it('counts one replay as every run when nothing can respond', async () => {
    const plain = join(dir, 'plain-5.json');
    const five = join(dir, 'five.json');
    await cli('simulate', CART, '--events', REES46, '--map', MAP, '--json', plain);
    const { code, stdout } = await cli(
      'simulate',
      CART,
      '--events',
      REES46,
      '--map',
      MAP,
      '--runs',
      '5',
      '--json',
      five,
    );
    expect(code).toBe(0);
    const { forecast, assumptions, ...runZero } = JSON.parse(read(five)) as SimulationReport;
    expect(runZero).toEqual(JSON.parse(read(plain)));
    expect(assumptions).toEqual([]);
    expect(forecast?.runs).toBe(5);
    expect(forecast?.conversions.total).toEqual({ mean: 70, p10: 70, p50: 70, p90: 70 });
    expect(stdout).toContain('Assumptions: none — nobody responds to messages.');
  });

  it('forecasts a starter with the library’s published rates, saying where each comes from', async () => {
    const out = join(dir, 'starter.json');
    const { code, stdout } = await cli(
      'simulate',
      join(ROOT, 'assets', 'templates', 'abandoned-cart.json'),
      '--profiles',
      join(ROOT, 'assets', 'samples', 'abandoned-cart', 'profiles.csv'),
      '--events',
      join(ROOT, 'assets', 'samples', 'abandoned-cart', 'events.csv'),
      '--start',
      '2025-03-03T00:00:00Z',
      '--end',
      '2025-03-24T00:00:00Z',
      '--runs',
      '20',
      '--assume',
      'defaults',
      '--json',
      out,
    );
    expect(code).toBe(0);
    const report = JSON.parse(read(out)) as SimulationReport;
    expect(report.forecast?.runs).toBe(20);
    expect(report.forecast?.messages['reminder-1']?.opened.p50).toBeGreaterThan(0);
    expect(report.assumptions?.[0]).toMatchObject({
      node: 'reminder-1',
      outcome: 'open',
      rate: 0.4032,
      within: 'P3D',
      source: 'default',
      reference: { publisher: 'Bluecore', year: 2018 },
    });
    expect(stdout.some((l) => l.startsWith('Forecast over 20 runs'))).toBe(true);
    expect(stdout.some((l) => l.includes('published attributed rate'))).toBe(true);
  });

  it('refuses runs it cannot do, and assumptions it does not know', async () => {
    const zero = await cli('simulate', CART, '--events', REES46, '--map', MAP, '--runs', '0');
    expect(zero.code).toBe(2);
    expect(zero.stderr[0]).toMatch(/--runs must be a whole number from 1 to 10,000, not "0"/);
    const what = await cli('simulate', CART, '--events', REES46, '--map', MAP, '--assume', 'all');
    expect(what.code).toBe(2);
    expect(what.stderr[0]).toMatch(/--assume takes "defaults"/);
  });
});

describe('a forecast on several threads', () => {
  it('is the forecast of one thread, run for run', async () => {
    // Every message responds: opens, clicks, orders and unsubscribes drawn in every run.
    const journey = JSON.parse(read(CART)) as {
      settings: Record<string, unknown>;
      nodes: { config: Record<string, unknown> }[];
    };
    // Sent at once (the export's night is not held back), and measured for two days.
    delete journey.settings.quietHours;
    for (const n of journey.nodes)
      if (n.config.channel === 'email')
        n.config.expect = { open: 0.5, click: 0.1, convert: 0.2, unsubscribe: 0.05 };
    const file = join(dir, 'cart-expect.json');
    writeFileSync(file, JSON.stringify(journey));
    const profiles = join(dir, 'profiles.csv');
    // Everyone with an address, so messages go out.
    const ids = [
      ...new Set(
        read(REES46)
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(',')[7]),
      ),
    ];
    writeFileSync(profiles, `id,email\n${ids.map((id) => `${id},${id}@example.com`).join('\n')}\n`);
    const args = [
      'simulate',
      file,
      '--profiles',
      profiles,
      '--events',
      REES46,
      '--map',
      MAP,
      '--days',
      '2',
    ];
    const single = join(dir, 'single.json');
    const one = await cli(...args, '--runs', '30', '--seed', '4', '--json', single);
    expect(one.code).toBe(0);
    const threaded = join(dir, 'threaded.json');
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts', 'cli.mjs'),
        ...args,
        '--runs',
        '30',
        '--seed',
        '4',
        '--threads',
        '3',
        '--json',
        threaded,
      ],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(run.status).toBe(0);
    const a = JSON.parse(read(single)) as SimulationReport;
    const b = JSON.parse(read(threaded)) as SimulationReport;
    expect(a.forecast?.messages.mail1?.opened.mean).toBeGreaterThan(0);
    expect(b.forecast).toEqual(a.forecast);
    expect(b.assumptions).toEqual(a.assumptions);
    const { samples: _x, ...restA } = a;
    const { samples: _y, ...restB } = b;
    expect(restB).toEqual(restA);
  }, 120_000);
});
