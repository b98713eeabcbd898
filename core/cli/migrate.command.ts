import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  copyPostgresToSqlite,
  copySqliteToPostgres,
  CopyError,
  tableCounts,
  type CopyCounts,
} from '../adapters/postgres/copy-database';
import { PostgresUnusableError } from '../adapters/postgres/pg-connection';
import { isPostgresUrl, openPostgres, type PgDatabase } from '../adapters/postgres/pg-database';
import { DatabaseUnusableError, openDatabase, type Db } from '../adapters/sqlite/database';
import { EngineBusyError, lockEngine } from '../adapters/sqlite/engine-lock';
import { maskUrl } from './engine-session';
import type { CommandResult, Output } from './output';
import { usageError } from './output';

export const MIGRATE_USAGE =
  'migrate --from <file.sqlite> --to postgres://… (or --from postgres://… --to <new file.sqlite>)';

function differences(source: CopyCounts, target: CopyCounts): string[] {
  return Object.keys(source)
    .filter((t) => source[t] !== target[t])
    .map((t) => `${t}: ${source[t]} in the source, ${target[t]} in the copy`);
}

/**
 * `migrate`: moves a library up from the SQLite file on this machine to a PostgreSQL server (or
 * back down into a new file), every table in one transaction, then compares the row counts. The
 * source is not changed; no engine may run on it meanwhile.
 */
export function migrateCommand(args: string[], out: Output): CommandResult {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  const { from, to } = values;
  if (!from || !to) return usageError(out, `migrate needs --from and --to: ${MIGRATE_USAGE}`);
  const up = isPostgresUrl(to);
  if (up === isPostgresUrl(from))
    return usageError(
      out,
      `one side of migrate is a SQLite file, the other postgres://…: ${MIGRATE_USAGE}`,
    );
  const file = up ? from : to;
  if (up && !existsSync(file)) {
    out.error(`journey-studio: ${file} does not exist`);
    return { exitCode: 1 };
  }
  let release: (() => void) | undefined;
  let sqlite: Db | undefined;
  let pg: PgDatabase | undefined;
  try {
    release = lockEngine(file);
    sqlite = openDatabase(file);
    pg = openPostgres(up ? to : from);
    const counts = up ? copySqliteToPostgres(sqlite, pg) : copyPostgresToSqlite(pg, sqlite);
    const problems = differences(tableCounts(up ? sqlite : pg), tableCounts(up ? pg : sqlite));
    if (problems.length > 0) {
      for (const p of problems) out.error(`journey-studio: ${p}`);
      return { exitCode: 1 };
    }
    out.print(`Copied ${up ? file : maskUrl(from)} to ${up ? maskUrl(to) : file}:`);
    for (const [table, n] of Object.entries(counts))
      if (n > 0) out.print(`  ${table.padEnd(18)} ${n.toLocaleString('en')}`);
    out.print('Row counts match table by table.');
    return { exitCode: 0 };
  } catch (error) {
    if (
      error instanceof CopyError ||
      error instanceof PostgresUnusableError ||
      error instanceof DatabaseUnusableError ||
      error instanceof EngineBusyError
    ) {
      out.error(`journey-studio: ${error.message}`);
      return { exitCode: 1 };
    }
    throw error;
  } finally {
    pg?.close();
    sqlite?.close();
    release?.();
  }
}
