import { parseArgs } from 'node:util';
import { STARTERS, simulateCommandLine } from '../templates/starters';
import { plural, usageError, type CommandResult, type Output } from './output';

export const TEMPLATES_USAGE = 'templates [--json]';

/**
 * `templates`: the starter journeys, each with its category, size, description and the command
 * that simulates it on its own sample data. `--json` prints the same as a list, for tools.
 */
export function templatesCommand(args: string[], out: Output): CommandResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  if (positionals.length) return usageError(out, `templates takes no file: ${TEMPLATES_USAGE}`);
  const rows = STARTERS.map((s) => ({
    id: s.id,
    name: s.name,
    category: s.category,
    description: s.description,
    nodes: s.journey.nodes.length,
    file: s.file,
    samples: s.samples,
    simulate: simulateCommandLine(s),
  }));
  if (values.json) {
    out.print(JSON.stringify(rows, null, 2));
    return { exitCode: 0 };
  }
  out.print(
    `${plural(rows.length, 'starter journey')}: copy one, or simulate it on its sample data.`,
  );
  for (const row of rows) {
    out.print('');
    out.print(`${row.id}  ${row.name}  (${row.category}, ${plural(row.nodes, 'node')})`);
    out.print(`  ${row.description}`);
    out.print(`  ${row.simulate}`);
  }
  return { exitCode: 0 };
}
