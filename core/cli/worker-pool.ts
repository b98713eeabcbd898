import { spawn, type ChildProcess } from 'node:child_process';

/** The command line that starts one more worker: this program, `serve --worker`. */
export type WorkerCommand = { program: string; args: string[] };

/** How long a worker that died waits before it is started again. */
const RESTART_AFTER_MS = 1_000;

/**
 * Workers beside the engine on one PostgreSQL database (`serve --workers N`): each a process of
 * its own running `serve --worker`, which claims due work and delivers. One that dies is started
 * again; what it held is claimed anew (its transaction rolled back; its messages' leases lapse).
 */
export class WorkerPool {
  private readonly children = new Set<ChildProcess>();
  private stopped = false;

  constructor(
    private readonly command: WorkerCommand,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts `count` workers. */
  start(count: number): void {
    for (let i = 0; i < count; i++) this.spawnOne(i + 2);
  }

  private spawnOne(n: number): void {
    if (this.stopped) return;
    const child = spawn(this.command.program, this.command.args, {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.children.add(child);
    child.once('exit', (code, signal) => {
      this.children.delete(child);
      if (this.stopped) return;
      this.log(`worker ${n} ended (${signal ?? `exit ${code}`}); starting it again`);
      setTimeout(() => this.spawnOne(n), RESTART_AFTER_MS).unref();
    });
  }

  /** Stops every worker cleanly (SIGTERM) and waits for them to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    const ending = [...this.children].map(
      (child) => new Promise<void>((resolve) => child.once('exit', () => resolve())),
    );
    for (const child of this.children) child.kill('SIGTERM');
    await Promise.all(ending);
  }
}

/** `serve --worker` on the same database, as this program was started. */
export function workerCommand(db: string): WorkerCommand {
  const script = process.argv[1] ?? '';
  return {
    program: process.execPath,
    args: [...process.execArgv, script, 'serve', '--db', db, '--worker'],
  };
}
