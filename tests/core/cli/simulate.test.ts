import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../../core/simulator/report';
import { FIXTURES } from '../fixtures';
import { cli } from './cli';

const REES46 = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'assets',
  'samples',
  'rees46-multicategory-2019-Oct-head.csv',
);
const MAP = 'profile_id=user_id,name=event_type,time=event_time';
const CART = join(FIXTURES, 'journeys', 'abandoned-cart.json');
const dir = mkdtempSync(join(tmpdir(), 'js-cli-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('simulate command', () => {
  it('replays a real export and prints a row per node', async () => {
    const { code, stdout, stderr } = await cli('simulate', CART, '--events', REES46, '--map', MAP);
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout[0]).toBe('Abandoned cart reminder (abandoned-cart)');
    expect(stdout[1]).toBe('Window 2019-10-01 00:00:00Z → 2019-10-01 02:50:00Z   seed 0');
    expect(stdout[2]).toBe('Profiles 4,504   enrollments 123   conversions 70   still active 51');
    expect(stdout).toContain('start   trigger        123  next 123');
    expect(stdout).toContain(
      'mail1   message          2  next 2        sent 0 · skipped 2 (no_address 2)',
    );
    expect(stdout).toContain('Conversions: 70 before any message · 0 after one · 0 caused by one');
    // The events' own 2 h 50 min against 30 minutes and a reminder held up to 11 hours of quiet.
    expect(stdout.filter((line) => line.startsWith('Warning'))).toEqual([
      'Warning (window-shorter-than-journey): The simulation covers 2 hours 50 minutes, but going through this journey can take up to 11 hours 30 minutes: profiles who enter late are still on their way when it ends, so the later steps are undercounted. Simulate over a longer window.',
    ]);
  });

  it('writes the JSON report with the fixed keys', async () => {
    const out = join(dir, 'report.json');
    const { code } = await cli('simulate', CART, '--events', REES46, '--map', MAP, '--json', out);
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as SimulationReport;
    expect(Object.keys(report).slice(0, 9)).toEqual([
      'journey',
      'window',
      'profiles',
      'enrollments',
      'nodes',
      'messages',
      'conversions',
      'active',
      'seed',
    ]);
    expect(report.nodes.bought).toEqual({ entered: 2, ports: { yes: 0, no: 2 } });
    expect(report.messages.mail1).toEqual({ sent: 0, skipped: { no_address: 2 }, deferred: 0 });
    // No message went out (no addresses), so every conversion came before any message.
    expect(report.conversions).toEqual({
      total: 70,
      byVariant: {},
      breakdown: { beforeMessage: 70, afterMessage: 0, caused: 0 },
    });
  });

  it('joins profiles to events, honours the window and prints a trace', async () => {
    const profiles = file('profiles.csv', 'id,email,first_name\n550121407,ann@example.com,Ann\n');
    const { code, stdout } = await cli(
      'simulate',
      CART,
      '--events',
      REES46,
      '--map',
      MAP,
      '--profiles',
      profiles,
      '--start',
      '2019-10-01 00:00:00 UTC',
      '--days',
      '0.5',
      '--trace',
      '550121407',
    );
    expect(code).toBe(0);
    expect(stdout[1]).toBe('Window 2019-10-01 00:00:00Z → 2019-10-01 12:00:00Z   seed 0');
    const trace = stdout.slice(stdout.indexOf('Trace of 550121407'));
    // Carted at 02:05 in Stockholm; the reminder falls in quiet hours and waits for 08:00.
    expect(trace).toEqual([
      'Trace of 550121407',
      '  2019-10-01 00:05:14Z  entered on event cart',
      '  2019-10-01 00:05:14Z  at start',
      '  2019-10-01 00:05:14Z  start → next → wait1',
      '  2019-10-01 00:05:14Z  at wait1',
      '  2019-10-01 00:05:14Z  waiting until 2019-10-01 00:35:14Z',
      '  2019-10-01 00:35:14Z  wait1 → next → bought',
      '  2019-10-01 00:35:14Z  at bought',
      '  2019-10-01 00:35:14Z  bought → no → mail1',
      '  2019-10-01 00:35:14Z  at mail1',
      '  2019-10-01 00:35:14Z  held for quiet hours until 2019-10-01 06:00:00Z',
      '  2019-10-01 06:00:00Z  email sent to ann@example.com',
      '  2019-10-01 06:00:00Z  mail1 → next (no connection: the journey ends here)',
      '  2019-10-01 06:00:00Z  completed the journey',
    ]);
  });

  it('keeps good rows and lists bad ones with their line', async () => {
    const events = file(
      'events.csv',
      'profile_id,name,time\np1,cart,2026-05-01T10:00:00Z\np2,cart,yesterday\n,cart,2026-05-01T10:00:00Z\n',
    );
    const { code, stderr, stdout } = await cli('simulate', CART, '--events', events);
    expect(code).toBe(0);
    expect(stderr[0]).toBe(`${events}: 2 rows left out, 1 kept:`);
    expect(stderr[1]).toMatch(
      new RegExp(`^  ${events.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3  bad-time`),
    );
    expect(stderr[2]).toMatch(/:4 {2}missing-id/);
    expect(stdout[2]).toMatch(/^Profiles 1 {3}enrollments 1/);
  });

  it('refuses an invalid journey, naming its problems', async () => {
    const { code, stderr } = await cli(
      'simulate',
      join(FIXTURES, 'invalid', 'two-triggers.json'),
      '--events',
      REES46,
      '--map',
      MAP,
    );
    expect(code).toBe(1);
    expect(stderr[0]).toMatch(/error {2}trigger-multiple {2}\[start2\]/);
    expect(stderr.at(-1)).toMatch(/not valid, so it cannot be simulated/);
  });

  it('explains usage mistakes and unreadable inputs', async () => {
    expect((await cli('simulate', CART)).stderr[0]).toMatch(/needs sample data/);
    expect((await cli('simulate', CART, '--events', REES46, '--start', 'soon')).stderr[0]).toMatch(
      /--start "soon" is not a time/,
    );
    expect((await cli('simulate', CART, '--events', REES46, '--days', '-1')).code).toBe(2);
    const missing = await cli('simulate', CART, '--events', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr[0]).toMatch(/nope\.csv/);
    const badMap = await cli(
      'simulate',
      CART,
      '--events',
      REES46,
      '--map',
      'profile_id=user_id,kind=event_type',
    );
    expect(badMap.code).toBe(1);
    expect(badMap.stderr[0]).toMatch(/"kind" is not something an event mapping sets/);
    const noWindow = await cli('simulate', CART, '--profiles', file('p.csv', 'id\na\n'));
    expect(noWindow.code).toBe(2);
    expect(noWindow.stderr[0]).toMatch(/give --start and --end or --days/);
  });
});
