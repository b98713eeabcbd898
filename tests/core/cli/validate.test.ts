import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureFiles } from '../fixtures';
import { cli } from './cli';

const invalid = (name: string) => join(FIXTURES, 'invalid', name);

describe('validate command', () => {
  it.each(fixtureFiles('journeys'))('exits 0 for the valid %s', async (name) => {
    const { code, stdout } = await cli('validate', join(FIXTURES, 'journeys', name));
    expect(code).toBe(0);
    expect(stdout.at(-1)).toMatch(/: valid \(0 errors, 0 warnings/);
  });

  it.each<[string, string, RegExp]>([
    [
      'truncated.json',
      'invalid-json',
      /truncated\.json:12:17 +error +invalid-json +Not valid JSON: .*ends too early/,
    ],
    [
      'unknown-kind.json',
      'unknown-kind',
      /:38:\d+ +error +unknown-kind +\[wait1\] +Node "wait1" has the unknown kind "delay"/,
    ],
    [
      'future-version.json',
      'unsupported-version',
      /:3:3 +error +unsupported-version +This journey was saved in format version 3/,
    ],
    [
      'bad-duration.json',
      'duration-invalid',
      /:41:\d+ +error +duration-invalid +\[wait1\] +Wait for: "30 minutes" is not a duration/,
    ],
    [
      'edge-to-missing-node.json',
      'edge-unknown-node',
      /error +edge-unknown-node +\[mail1\] +The connection from "mail1" to "mail2" refers to "mail2", which does not exist/,
    ],
    [
      'unknown-port.json',
      'edge-unknown-port',
      /error +edge-unknown-port +\[bought\] +"bought" has no port "maybe"; its ports are yes, no/,
    ],
    ['two-triggers.json', 'trigger-multiple', /error +trigger-multiple +\[start2\]/],
    [
      'unreachable-node.json',
      'node-unreachable',
      /error +node-unreachable +\[orphan\] +No path leads from the trigger to "orphan"/,
    ],
    [
      'instant-cycle.json',
      'cycle-without-wait',
      /error +cycle-without-wait +\[bought\] +"bought", "mail1", "tag" form a loop without a wait/,
    ],
    ['not-a-journey.json', 'not-a-journey', /error +not-a-journey/],
    [
      'bad-condition.json',
      'condition-invalid',
      /error +condition-invalid +\[bought\] +An event rule's op/,
    ],
    ['bad-split.json', 'split-weight-invalid', /error +split-weight-invalid +\[ab\]/],
    [
      'duplicate-port-edge.json',
      'edge-duplicate',
      /error +edge-duplicate +\[bought\] +Port "no" of "bought" has two connections/,
    ],
    [
      'bad-settings.json',
      'time-invalid',
      /error +time-invalid +Quiet hours start: "9pm" is not a time of day/,
    ],
    [
      'bad-template.json',
      'template-invalid',
      /error +template-invalid +\[mail1\] +Body \(HTML\): \{% if profile.vip %\} is never closed/,
    ],
    [
      'bad-wait-mode.json',
      'config-invalid',
      /error +config-invalid +\[wait1\] +Mode must be "duration", "until" or "event"/,
    ],
    ['duplicate-node-id.json', 'duplicate-node-id', /error +duplicate-node-id +\[wait1\]/],
  ])('exits 1 for %s with a clear %s line', async (name, _code, line) => {
    const { code, stdout, stderr } = await cli('validate', invalid(name));
    expect(code).toBe(1);
    expect(stderr).toEqual([]);
    expect(stdout.some((l) => line.test(l))).toBe(true);
    expect(stdout.at(-1)).toMatch(/: not valid/);
    expect(stdout.join('\n')).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('covers every invalid fixture', () => {
    expect(fixtureFiles('invalid')).toHaveLength(17);
  });

  it('checks several files and fails if any fails', async () => {
    const { code, stdout } = await cli(
      'validate',
      join(FIXTURES, 'journeys', 'birthday.json'),
      invalid('two-triggers.json'),
    );
    expect(code).toBe(1);
    expect(stdout.filter((l) => / valid| not valid/.test(l))).toHaveLength(2);
  });

  it('says so when the file does not exist', async () => {
    const { code, stdout } = await cli('validate', '/nowhere/journey.json');
    expect(code).toBe(1);
    expect(stdout[0]).toMatch(
      /\/nowhere\/journey.json +error +invalid-json +Cannot read the file: no such file/,
    );
  });

  it('lists notes with --all and prints JSON with --json', async () => {
    const file = join(FIXTURES, 'journeys', 'abandoned-cart.json');
    const all = await cli('validate', file, '--all');
    expect(all.stdout.filter((l) => l.includes('port-open'))).toHaveLength(2);
    const json = await cli('validate', file, '--json');
    const report = JSON.parse(json.stdout.join('\n')) as Record<
      string,
      { valid: boolean; findings: unknown[] }
    >;
    expect(report[file]?.valid).toBe(true);
  });

  it('treats usage mistakes as usage mistakes', async () => {
    expect((await cli('validate')).code).toBe(2);
    expect((await cli('validate', '--frobnicate', 'x.json')).stderr[0]).toMatch(
      /Unknown option '--frobnicate'/,
    );
    expect((await cli('explode')).stderr[0]).toMatch(/unknown command "explode"/);
  });
});
