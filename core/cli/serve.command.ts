import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../adapters/postgres/pg-database';
import { openSession, runSession, SessionError, type SessionDeps } from './engine-session';
import { WorkerPool, workerCommand } from './worker-pool';
import type { CommandResult, Output } from './output';

export const SERVE_USAGE =
  'serve [--db <file> | --db postgres://…] [--workers <n>] [--port <n, default 8787>] [--host <address>] [--tls-cert <file> --tls-key <file> | --behind-proxy] [--token <t>] [--smtp <url>] [--public-url <url>]';

/**
 * `serve`: the local engine and event API with no window, running every journey live in the
 * database. Email goes to `--smtp`, else to the SMTP server saved in the app's settings, else
 * to the embedded outbox.
 */
export async function serveCommand(
  args: string[],
  out: Output,
  deps: SessionDeps = {},
): Promise<CommandResult> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
      smtp: { type: 'string' },
      'public-url': { type: 'string' },
      host: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'behind-proxy': { type: 'boolean' },
      workers: { type: 'string' },
      worker: { type: 'boolean' },
    },
  });
  let pool: WorkerPool | undefined;
  try {
    const workers = values.workers === undefined ? 1 : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64)
      throw new SessionError(
        `--workers must be a whole number from 1 to 64, not "${values.workers}"`,
        2,
      );
    if (workers > 1 && !isPostgresUrl(values.db))
      throw new SessionError(
        'several workers share a PostgreSQL database (--db postgres://…); a SQLite file has one engine',
        2,
      );
    const session = openSession(values, deps, out, { console: true });
    // The app's console beside the event API (not on a worker, which takes no requests).
    // Loaded only here: the app's service (email design, sample data) weighs on every other
    // command's start.
    const consoleService = values.worker
      ? undefined
      : (await import('./serve-console')).openServeConsole({
          db: session.db,
          engine: session.engine,
          hooks: session.hooks,
          log: (line) => out.error(`journey-studio: ${line}`),
        });
    const live = session.engine.live();
    const lines = live.length
      ? live.map((l) => `  Journey    ${l.journeyId} v${l.version} (${l.name})`)
      : ['  Journeys   none live yet (publish one with `run` or from the app)'];
    if (workers > 1 && values.db) {
      lines.push(
        `  Workers    ${workers} (this one and ${workers - 1} more, taking turns per profile)`,
      );
      pool = new WorkerPool(deps.workerCommand ?? workerCommand(values.db), (line) =>
        out.error(`journey-studio: ${line}`),
      );
      pool.start(workers - 1);
    }
    if (consoleService)
      lines.push('  Console    the desktop app connects here (Settings ▸ Run on a server)');
    try {
      await runSession(session, lines, deps, out);
    } finally {
      await consoleService?.close();
    }
    await pool?.stop();
  } catch (error) {
    await pool?.stop();
    if (error instanceof SessionError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: error.exitCode };
    }
    throw error;
  }
  return { exitCode: 0 };
}
