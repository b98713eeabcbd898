import {
  consoleOutput,
  terminalOutput,
  usageError,
  type CliEnvironment,
  type CommandResult,
  type Output,
} from './output';
import { DIFF_USAGE, diffCommand } from './diff.command';
import { REPORT_USAGE, reportCommand } from './report.command';
import { MIGRATE_USAGE, migrateCommand } from './migrate.command';
import { RUN_USAGE, runCommand } from './run.command';
import { SERVE_USAGE, serveCommand } from './serve.command';
import { SIMULATE_USAGE, simulateCommand } from './simulate.command';
import { TEMPLATES_USAGE, templatesCommand } from './templates.command';
import { TEST_USAGE, testCommand } from './test.command';
import { VALIDATE_USAGE, validateCommand } from './validate.command';

type Command = (
  args: string[],
  out: Output,
  env: CliEnvironment,
) => CommandResult | Promise<CommandResult>;

const COMMANDS: Record<string, { usage: string; run: Command }> = {
  validate: { usage: VALIDATE_USAGE, run: validateCommand },
  simulate: { usage: SIMULATE_USAGE, run: simulateCommand },
  run: {
    usage: RUN_USAGE,
    run: (args, out, env) => runCommand(args, out, { threadScript: env.workerScript }),
  },
  serve: {
    usage: SERVE_USAGE,
    run: (args, out, env) => serveCommand(args, out, { threadScript: env.workerScript }),
  },
  test: { usage: TEST_USAGE, run: testCommand },
  report: { usage: REPORT_USAGE, run: reportCommand },
  diff: { usage: DIFF_USAGE, run: diffCommand },
  migrate: { usage: MIGRATE_USAGE, run: migrateCommand },
  templates: { usage: TEMPLATES_USAGE, run: templatesCommand },
};

export function usage(): string {
  return [
    'Usage: npm run cli -- <command>',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  ].join('\n');
}

/** Runs one command line; never throws for bad input, and returns the exit code. */
export async function runCli(
  argv: string[],
  out: Output = consoleOutput,
  env: CliEnvironment = {},
): Promise<number> {
  const [name, ...args] = argv;
  // Every line goes through one gate: names and values from files never reach the terminal raw.
  out = terminalOutput(out);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out.print(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) return usageError(out, `unknown command "${name}"\n${usage()}`).exitCode;
  try {
    return (await command.run(args, out, env)).exitCode;
  } catch (error) {
    // Option parsing errors (unknown flags, missing values) are usage mistakes, not crashes.
    const code = (error as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS'))
      return usageError(out, `${(error as Error).message}\n  ${command.usage}`).exitCode;
    throw error;
  }
}
