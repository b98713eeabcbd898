import type { Db } from '../sqlite/database';
import { PgConnection, PostgresError, PostgresUnusableError } from './pg-connection';
import { migratePostgres } from './migrate';
import { POSTGRES_MIGRATIONS } from './schema';

/**
 * The column each table's INSERT reports as `lastInsertRowid`, as SQLite reports the rowid of
 * tables whose INTEGER PRIMARY KEY is the rowid.
 */
const ROW_IDS: Readonly<Record<string, string>> = {
  events: 'seq',
  profiles: 'seq',
  inbox: 'id',
  outbox: 'id',
  journal: 'id',
  failures: 'id',
  feedback: 'id',
  delivery_log: 'id',
  version_approvals: 'id',
};

interface Translated {
  text: string;
  /** For named parameters: the name of each `$n`, in order. */
  names?: string[];
  rowId?: string;
}

/**
 * The repositories' SQL, said the PostgreSQL way: `?` and `@name` become `$n` (outside quoted
 * text), SQLite's index hints go, camelCase aliases keep their case, and an INSERT into a table with a row id returns it. Every
 * statement the shared repositories run passes the repository tests on both databases.
 */
export function translateSql(sql: string): Translated {
  let text = '';
  let n = 0;
  const names: string[] = [];
  const bound = new Map<string, number>();
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (c === "'") {
      const end = sql.indexOf("'", i + 1);
      const stop = end < 0 ? sql.length : end;
      text += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === '?') {
      text += `$${++n}`;
    } else if (c === '@' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))?.[0] as string;
      let index = bound.get(name);
      if (index === undefined) {
        index = names.push(name);
        bound.set(name, index);
      }
      text += `$${index}`;
      i += name.length;
    } else {
      text += c;
    }
  }
  text = text.replace(/\s+INDEXED BY\s+\w+/gi, '');
  // PostgreSQL folds unquoted names to lower case; SQLite keeps an alias as written.
  text = text.replace(/\bAS\s+([a-z][a-z0-9_]*[A-Z]\w*)/g, 'AS "$1"');
  const insert = /^\s*INSERT\s+INTO\s+(\w+)/i.exec(text)?.[1];
  const rowId = insert ? ROW_IDS[insert] : undefined;
  if (rowId && !/\bRETURNING\b/i.test(text)) text += ` RETURNING ${rowId}`;
  return { text, ...(names.length > 0 && { names }), ...(rowId && { rowId }) };
}

type Params = unknown[];

function bind(t: Translated, params: Params): unknown[] {
  if (t.names) {
    const named = (params[0] ?? {}) as Record<string, unknown>;
    return t.names.map((name) => named[name] ?? null);
  }
  return params.map((v) => (v === undefined ? null : v));
}

/** Byte columns come back from the connection's thread as Uint8Array: Buffers, as SQLite gives. */
function rowOf(row: Record<string, unknown>): Record<string, unknown> {
  for (const key in row) {
    const v = row[key];
    if (v instanceof Uint8Array && !Buffer.isBuffer(v))
      row[key] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
  return row;
}

/** A prepared statement with better-sqlite3's calls. */
export class PgStatement {
  private plucked = false;

  constructor(
    private readonly db: PgDatabase,
    private readonly translated: Translated,
  ) {}

  run(...params: Params): { changes: number; lastInsertRowid: number } {
    const r = this.db.query(this.translated.text, bind(this.translated, params));
    const rowId = this.translated.rowId;
    return {
      changes: r.rowCount,
      lastInsertRowid: rowId ? Number(r.rows[0]?.[rowId] ?? 0) : 0,
    };
  }

  get(...params: Params): unknown {
    const row = this.db.query(this.translated.text, bind(this.translated, params)).rows[0];
    if (!row) return undefined;
    return this.plucked ? Object.values(row)[0] : rowOf(row);
  }

  all(...params: Params): unknown[] {
    const rows = this.db.query(this.translated.text, bind(this.translated, params)).rows;
    return this.plucked ? rows.map((r) => Object.values(r)[0]) : rows.map(rowOf);
  }

  iterate(...params: Params): IterableIterator<unknown> {
    return this.all(...params).values();
  }

  pluck(on = true): this {
    this.plucked = on;
    return this;
  }
}

type TransactionFn<A extends unknown[], R> = ((...args: A) => R) & {
  immediate: (...args: A) => R;
  exclusive: (...args: A) => R;
  deferred: (...args: A) => R;
};

/**
 * A PostgreSQL database with the calls of better-sqlite3 the repositories use (prepare, run,
 * get, all, transaction with savepoints inside, exec), so the library, settings, outbox and the
 * engine's store are written once and run on both. What differs — claiming work among several
 * workers, sequences, the schema — lives beside this file.
 */
export class PgDatabase {
  readonly dialect = 'postgres' as const;
  private depth = 0;
  private readonly statements = new Map<string, PgStatement>();

  constructor(readonly connection: PgConnection) {}

  get name(): string {
    return this.connection.name;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  get open(): boolean {
    return true;
  }

  query(text: string, values: readonly unknown[] = []) {
    return this.connection.query(text, values);
  }

  prepare(sql: string): PgStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = new PgStatement(this, translateSql(sql));
      this.statements.set(sql, statement);
    }
    return statement;
  }

  exec(sql: string): this {
    this.connection.query(sql);
    return this;
  }

  /** Runs `work` in a transaction, or in a savepoint inside the current one. */
  transaction<A extends unknown[], R>(work: (...args: A) => R): TransactionFn<A, R> {
    const run = (...args: A): R => {
      const nested = this.depth > 0;
      const savepoint = `s${this.depth}`;
      this.connection.query(nested ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      this.depth++;
      try {
        const result = work(...args);
        this.depth--;
        this.connection.query(nested ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
        return result;
      } catch (error) {
        this.depth--;
        try {
          this.connection.query(nested ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK');
          if (nested) this.connection.query(`RELEASE SAVEPOINT ${savepoint}`);
        } catch (rollback) {
          // A lost connection cannot roll back; the server has already.
          if (!(rollback instanceof PostgresUnusableError)) throw rollback;
        }
        throw error;
      }
    };
    return Object.assign(run, { immediate: run, exclusive: run, deferred: run });
  }

  close(): void {
    this.connection.close();
  }

  /**
   * The repositories take better-sqlite3's type; this database answers every call they make
   * (the shared repository tests run them on both), so it stands in for it.
   */
  asDb(): Db {
    return this as unknown as Db;
  }
}

/** Whether an error came from PostgreSQL or the connection, rather than from a unit's own work. */
export function isPostgresError(error: unknown): boolean {
  return error instanceof PostgresError || error instanceof PostgresUnusableError;
}

/** Whether `--db` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(value: string | undefined): value is string {
  return value !== undefined && /^postgres(ql)?:\/\//i.test(value);
}

/** Connects to PostgreSQL and brings its schema up to date. */
export function openPostgres(url: string, migrations = POSTGRES_MIGRATIONS): PgDatabase {
  const db = new PgDatabase(new PgConnection(url));
  try {
    migratePostgres(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
