import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgConnection } from '../../../../core/adapters/postgres/pg-connection';
import { openPostgres } from '../../../../core/adapters/postgres/pg-database';

/** Where Debian puts the PostgreSQL server programs: the newest version found. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

/**
 * Whether this machine can run the PostgreSQL tests. Without Debian's server programs they are
 * skipped, so `npm test` needs no PostgreSQL for the SQLite suite; CI installs them (.ci/run).
 */
export const postgresInstalled = postgresBin() !== undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A throw-away PostgreSQL server for one test file: a fresh database per `database()`. */
export interface PgCluster {
  /** The URL of a new, empty database. */
  database(): string;
  /** The URL of a new database with the schema in place (copied from a template: quick). */
  migrated(): string;
  stop(): void;
}

/**
 * Starts a PostgreSQL cluster in a temporary folder on a free loopback port. initdb refuses to
 * run as root, so as root the server runs as the `postgres` user, which owns the folder.
 */
export async function startCluster(): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)');
  const dir = mkdtempSync(join(tmpdir(), 'js-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, program);
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    execFileSync(command, full, { stdio: 'pipe' });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'journey', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=60`,
    'start',
  ]);
  const admin = new PgConnection(`postgres://journey@127.0.0.1:${port}/postgres`);
  let n = 0;
  let template = false;
  const url = (name: string) => `postgres://journey@127.0.0.1:${port}/${name}`;
  return {
    database() {
      const name = `t${++n}`;
      admin.query(`CREATE DATABASE ${name}`);
      return url(name);
    },
    migrated() {
      if (!template) {
        admin.query('CREATE DATABASE migrated');
        openPostgres(url('migrated')).close();
        template = true;
      }
      const name = `t${++n}`;
      admin.query(`CREATE DATABASE ${name} TEMPLATE migrated`);
      return url(name);
    },
    stop() {
      admin.close();
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
