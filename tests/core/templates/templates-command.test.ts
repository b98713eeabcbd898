import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STARTERS, simulateCommandLine } from '../../../core/templates/starters';
import { cli } from '../cli/cli';
import { ROOT } from './starter-data';

describe('templates command', () => {
  it('lists each starter with its category, size, description and the command to simulate it', async () => {
    const { code, stdout } = await cli('templates');
    expect(code).toBe(0);
    expect(stdout[0]).toBe('7 starter journeys: copy one, or simulate it on its sample data.');
    expect(stdout).toContain('win-back  Win-back of inactive customers  (win-back, 9 nodes)');
    for (const starter of STARTERS) {
      expect(stdout).toContain(`  ${starter.description}`);
      expect(stdout).toContain(`  ${simulateCommandLine(starter)}`);
    }
  });

  it('prints JSON for tools, and the command it prints runs', async () => {
    const json = await cli('templates', '--json');
    const rows = JSON.parse(json.stdout.join('\n')) as {
      id: string;
      nodes: number;
      simulate: string;
    }[];
    expect(rows.map((r) => r.id)).toEqual(STARTERS.map((s) => s.id));
    const birthday = rows.find((r) => r.id === 'birthday')!;
    expect(birthday.nodes).toBe(6);
    const [npm, run, script, dashes, ...args] = birthday.simulate.split(' ');
    expect([npm, run, script, dashes]).toEqual(['npm', 'run', 'cli', '--']);
    // Paths in the command are relative to the project folder, where npm runs it.
    const simulated = await cli(...args.map((a) => (a.startsWith('assets/') ? join(ROOT, a) : a)));
    expect(simulated.code).toBe(0);
    expect(simulated.stdout[0]).toBe('Birthday gift (birthday)');
    expect(
      simulated.stdout.some((l) => /^gift-vip +message +\d+ +next \d+ +sent \d+/.test(l)),
    ).toBe(true);
  });

  it('takes no file', async () => {
    expect((await cli('templates', 'x.json')).code).toBe(2);
  });
});
