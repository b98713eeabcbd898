import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupFile, BackupStore } from '../../app/ports';
import type { CancelTimer, Timers } from '../../executor/ports';
import { privateFolder, restrictFile } from '../files/private-files';
import { integrityProblem, migrate, SchemaTooNewError, type Db } from './database';
import { SCHEMA_MIGRATIONS } from './schema';

/** Backups kept: the newest of each kind beyond these are removed. */
const KEEP = { daily: 7, manual: 10, 'before-restore': 5 } as const;
const DAY = 24 * 60 * 60 * 1000;
/** How often the schedule looks whether a day has passed since the last backup. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

const NAME = /^(.+)-(\d{4}-\d{2}-\d{2}T\d{6}Z)-(daily|manual|before-restore)(?:-\d+)?\.db$/;

function stamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function parseStamp(text: string): number {
  const iso = `${text.slice(0, 13)}:${text.slice(13, 15)}:${text.slice(15, 17)}Z`;
  return Date.parse(iso);
}

export interface BackupOptions {
  nativeBinding?: string;
  now?: () => number;
  log?: (line: string) => void;
}

/**
 * The library's backups in `backups/` beside the database: one a day, made with SQLite's online
 * backup (a consistent copy while the app works on), each checked page by page before it is
 * kept, readable by this user alone. Restoring copies a backup back into the database the same
 * way, through the open connection's file, then brings its schema up to date.
 */
export class SqliteBackups implements BackupStore {
  readonly folder: string;
  private readonly base: string;
  private readonly now: () => number;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly file: string,
    private readonly options: BackupOptions = {},
  ) {
    this.folder = join(dirname(file), 'backups');
    this.base = basename(file).replace(/\.db$/, '');
    this.now = options.now ?? (() => Date.now());
  }

  list(): BackupFile[] {
    if (!existsSync(this.folder)) return [];
    const out: BackupFile[] = [];
    for (const name of readdirSync(this.folder)) {
      const match = NAME.exec(name);
      if (!match || match[1] !== this.base) continue;
      out.push({
        name,
        at: parseStamp(match[2] as string),
        bytes: statSync(join(this.folder, name)).size,
        reason: match[3] as BackupFile['reason'],
      });
    }
    return out.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name));
  }

  backUp(reason: BackupFile['reason']): Promise<BackupFile> {
    // One at a time; `idle` waits for the one under way before the database closes.
    const next = this.running.catch(() => undefined).then(() => this.copy(reason));
    this.running = next;
    return next;
  }

  /** Resolves once no backup is under way. */
  async idle(): Promise<void> {
    await this.running.catch(() => undefined);
  }

  private async copy(reason: BackupFile['reason']): Promise<BackupFile> {
    privateFolder(this.folder);
    const at = this.now();
    // Two in one second (a restore undone at once) get a number rather than one replacing the other.
    let name = `${this.base}-${stamp(at)}-${reason}.db`;
    for (let n = 2; existsSync(join(this.folder, name)); n++)
      name = `${this.base}-${stamp(at)}-${reason}-${n}.db`;
    const target = join(this.folder, name);
    const partial = `${target}.partial`;
    rmSync(partial, { force: true });
    await this.db.backup(partial);
    restrictFile(partial);
    const copy = this.open(partial, true);
    try {
      const problem = integrityProblem(copy);
      if (problem) throw new Error(`the backup failed its check (${problem})`);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    this.prune(reason);
    return { name, at, bytes: statSync(target).size, reason };
  }

  async restore(name: string): Promise<void> {
    const chosen = this.list().find((b) => b.name === name);
    if (!chosen) throw new Error(`there is no backup ${name}`);
    const source = this.open(join(this.folder, chosen.name), true);
    try {
      const problem = integrityProblem(source);
      if (problem) throw new Error(`the backup ${name} is damaged (${problem})`);
      const version = source.pragma('user_version', { simple: true }) as number;
      const latest = Math.max(...SCHEMA_MIGRATIONS.map((m) => m.version));
      if (version > latest)
        throw new SchemaTooNewError(
          `The backup ${name} was made by a newer Journey Studio; update it to restore this backup.`,
        );
      // Page by page into the database file, under SQLite's locks: connections open on it see
      // the restored library at their next statement.
      await source.backup(this.file);
    } finally {
      source.close();
    }
    migrate(this.db, SCHEMA_MIGRATIONS);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * Backs up soon after the start if the newest daily backup is a day old or more (or there is
   * none), and looks again every hour until stopped.
   */
  daily(timers: Timers, firstAfterMs = 30_000): CancelTimer {
    const check = () => {
      const last = this.list().find((b) => b.reason === 'daily');
      if (last && this.now() - last.at < DAY) return;
      this.backUp('daily').catch((error: unknown) =>
        this.options.log?.(`the daily backup failed: ${String(error)}`),
      );
    };
    const first = timers.after(firstAfterMs, check);
    const hourly = timers.every(CHECK_EVERY_MS, check);
    return () => {
      first();
      hourly();
    };
  }

  private open(path: string, readonly: boolean): Db {
    return new Database(path, {
      readonly,
      fileMustExist: true,
      ...(this.options.nativeBinding && { nativeBinding: this.options.nativeBinding }),
    });
  }

  private prune(reason: BackupFile['reason']): void {
    const old = this.list()
      .filter((b) => b.reason === reason)
      .slice(KEEP[reason]);
    for (const backup of old) rmSync(join(this.folder, backup.name), { force: true });
  }
}

/** Backups where there is no file to back up (a database in memory). */
export const noBackups: BackupStore = {
  folder: '',
  list: () => [],
  backUp: () => Promise.reject(new Error('A database in memory has no backups.')),
  restore: () => Promise.reject(new Error('A database in memory has no backups.')),
};
