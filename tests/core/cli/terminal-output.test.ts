import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../../core/cli/output';
import { cli } from './cli';

const dir = mkdtempSync(join(tmpdir(), 'js-cli-escapes-'));

const ESC = '\u001b';

function journeyFile(name: string, kind = 'trigger'): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    path,
    JSON.stringify({
      format: 'journey-studio/journey',
      version: 1,
      id: 'cart',
      name,
      settings: {},
      nodes: [{ id: 'start', kind, config: { on: 'event', event: 'cart' } }],
      edges: [],
    }),
  );
  return path;
}

describe('what the command line prints', () => {
  it('strips terminal escapes from names it prints, so a journey cannot drive the terminal', async () => {
    // Sets the window title, clears the screen and paints the rest red.
    const name = `${ESC}]0;pwned\u0007${ESC}[2J${ESC}[31mCart\r reminder${ESC}[0m`;
    const events = join(dir, 'e.csv');
    writeFileSync(events, 'profile_id,name,time\np1,cart,2026-05-01T10:00:00Z\n');
    const { code, stdout } = await cli('simulate', journeyFile(name), '--events', events);
    expect(code).toBe(0);
    expect(stdout[0]).toBe('Cart reminder (cart)');
    expect(stdout.join('\n')).not.toContain(ESC);
  });

  it('strips them from values quoted in problems, and shows direction marks as text', async () => {
    const { code, stdout } = await cli('validate', journeyFile('Cart', `${ESC}[2Jdelay\u202e`));
    expect(code).toBe(1);
    expect(stdout[0]).toContain('has the unknown kind "delay\\u202E"');
    expect(stdout.join('\n')).not.toContain(ESC);
  });

  it('keeps line breaks and tabs, and every other character', () => {
    expect(terminalText('a\tb\nc åäö 😀')).toBe('a\tb\nc åäö 😀');
    expect(terminalText(`x${ESC}[1;31my\u009b2Jz\u0008!`)).toBe('xyz!');
  });
});
