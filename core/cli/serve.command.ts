import { parseArgs } from 'node:util';
import { openSession, runSession, SessionError, type SessionDeps } from './engine-session';
import type { CommandResult, Output } from './output';

export const SERVE_USAGE =
  'serve [--db <file>] [--port <n, default 8787>] [--token <t>] [--smtp <url>] [--public-url <url>]';

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
    },
  });
  try {
    const session = openSession(values, deps, out);
    const live = session.engine.live();
    const lines = live.length
      ? live.map((l) => `  Journey    ${l.journeyId} v${l.version} (${l.name})`)
      : ['  Journeys   none live yet (publish one with `run` or from the app)'];
    await runSession(session, lines, deps, out);
  } catch (error) {
    if (error instanceof SessionError) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: error.exitCode };
    }
    throw error;
  }
  return { exitCode: 0 };
}
