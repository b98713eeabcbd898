import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const TOKEN = 'process-test-token-0123456789';

/** A command line process: running the engine, or ended with its exit code. */
export interface CliProcess {
  child: ChildProcess;
  /** True once it printed that the engine runs. */
  engine: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  /** The event API's address, once the engine runs. */
  url?: string;
}

/**
 * Starts the real command line (bundled, as users run it) and resolves once the engine runs
 * (it printed "Press Ctrl+C") or the process ended.
 */
export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: CliProcess = { child, engine: false, code: null, stdout: '', stderr: '' };
  return new Promise((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      run.stdout += chunk.toString();
      if (!run.engine && run.stdout.includes('Press Ctrl+C')) {
        run.engine = true;
        run.url = /Event API\s+(http:\/\/\S+)/.exec(run.stdout)?.[1];
        resolve(run);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('exit', (code) => {
      run.code = code;
      resolve(run);
    });
  });
}

/** `serve` on a database, on any free port. */
export function serve(db: string, ...more: string[]): Promise<CliProcess> {
  return startCli(['serve', '--db', db, '--port', '0', '--token', TOKEN, ...more]);
}

/** Stops a process (SIGTERM unless told otherwise) and waits until it has ended. */
export function stop(run: CliProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const { child } = run;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
