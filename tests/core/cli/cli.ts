import { runCli } from '../../../core/cli/main';
import type { Output } from '../../../core/cli/output';

/** Runs the command line in-process, capturing what it prints. */
export async function cli(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (l) => stdout.push(l), error: (l) => stderr.push(l) };
  const code = await runCli(argv, out);
  return { code, stdout, stderr };
}
