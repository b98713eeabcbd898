import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../../core/cli/output';
import { runCommand } from '../../../core/cli/run.command';
import { serializeJourney } from '../../../core/model/journey-file';
import { SENDING_POLICY_KEY } from '../../../core/policy/sending-policy';
import { chain, journey, node } from '../build';

const TOKEN = 'cli-test-token-0123456789';

const carts = journey(
  [
    node('start', 'trigger', { on: 'event', event: 'cart' }),
    node('mail', 'message', {
      channel: 'email',
      from: 'shop@example.com',
      subject: 'Cart',
      html: '<p>x</p>',
    }),
  ],
  chain('start', 'mail'),
  {},
  'carts',
);

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (l) => stdout.push(l), error: (l) => stderr.push(l) };
  const stop = new AbortController();
  const code = await runCommand(args, out, {
    env: {},
    signal: stop.signal,
    statusEveryMs: 0,
    onReady: () => stop.abort(),
  });
  return { code: code.exitCode, stdout, stderr };
}

describe('run --policy', () => {
  it('keeps the sending policy in the database, where the engine reads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-run-policy-'));
    const file = join(dir, 'carts.json');
    writeFileSync(file, serializeJourney(carts));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, '{ "email": { "max": 2, "per": "P1D" } }');
    const db = join(dir, 'engine.db');
    const result = await run([
      file,
      '--db',
      db,
      '--port',
      '0',
      '--token',
      TOKEN,
      '--policy',
      policy,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '  Policy     at most 2 emails per day per person, across all journeys',
    );
    const check = new Database(db, { readonly: true });
    expect(
      check.prepare('SELECT value FROM settings WHERE key = ?').get(SENDING_POLICY_KEY),
    ).toEqual({ value: '{"email":{"max":2,"per":"P1D"}}' });
    check.close();
  });

  it('starts nothing with a policy file it cannot use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-run-policy-'));
    const file = join(dir, 'carts.json');
    writeFileSync(file, serializeJourney(carts));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, '{ "email": { "max": 2 } }');
    const result = await run([file, '--db', join(dir, 'engine.db'), '--policy', policy]);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      `${policy}  error  policy-per-invalid  [email.per]  The email limit's "per" is a duration such as PT16H (16 hours) or P7D (7 days).`,
      'journey-studio: nothing was started; fix the policy file above first.',
    ]);
  });
});
