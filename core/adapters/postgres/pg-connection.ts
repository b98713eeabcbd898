import { createRequire } from 'node:module';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';

/**
 * A PostgreSQL server that cannot be used, in words: the command line prints `message` as it is.
 * `code` is stable: `postgres-unreachable`, `postgres-timeout`, `postgres-closed`.
 */
export class PostgresUnusableError extends Error {
  constructor(
    readonly code: 'postgres-unreachable' | 'postgres-timeout' | 'postgres-closed',
    message: string,
  ) {
    super(message);
  }
}

/** An error the server returned for a statement, with its SQLSTATE. */
export class PostgresError extends Error {
  constructor(
    message: string,
    /** The SQLSTATE, e.g. `23505` for a unique violation, `40P01` for a deadlock. */
    readonly code: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** What one statement returned. */
export interface QueryResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

type Reply =
  | { ok: true; rows: Record<string, unknown>[]; rowCount: number }
  | { ok: false; message: string; code?: string; detail?: string; connection?: boolean };

/*
 * The thread that owns the `pg` client. It is plain CommonJS given as source, so it runs the same
 * from the bundled command line, the Electron bundle and the tests' TypeScript. BIGINT counts and
 * NUMERIC sums come back as numbers, as SQLite gives them: every such value here is an epoch
 * millisecond, a count or an id, all far below 2^53.
 */
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
const pg = require(workerData.pgPath);
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
const flag = new Int32Array(workerData.flag);
const port = workerData.port;
const client = new pg.Client({ connectionString: workerData.url, application_name: 'journey-studio' });
let broken;
client.on('error', (e) => { broken = e; });
const connected = client.connect().catch((e) => { broken = e; });
function reply(id, message) {
  port.postMessage({ ...message, id });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
port.on('message', async (req) => {
  if (req.close) {
    await client.end().catch(() => {});
    reply(req.id, { ok: true, rows: [], rowCount: 0 });
    port.close();
    return;
  }
  await connected;
  if (broken) {
    reply(req.id, { ok: false, connection: true, message: String(broken.message || broken) });
    return;
  }
  try {
    const r = await client.query({ text: req.text, values: req.values });
    const last = Array.isArray(r) ? r[r.length - 1] : r;
    reply(req.id, { ok: true, rows: last ? last.rows : [], rowCount: last ? (last.rowCount ?? 0) : 0 });
  } catch (e) {
    reply(req.id, { ok: false, message: String(e.message), code: e.code, detail: e.detail, connection: !e.code });
  }
});
`;

/** How long one statement may take before the connection is given up (a hung server). */
const STATEMENT_WAIT_MS = 120_000;

/** The URL without its password, for messages and `name`. */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * One connection to PostgreSQL that answers synchronously, as better-sqlite3 does: the engine's
 * ports are synchronous on purpose (the interpreter never awaits mid-step, which keeps a step one
 * transaction), so the `pg` client runs on a thread of its own and this thread waits for each
 * reply on a shared flag. A statement costs one round trip to the server plus a thread hop
 * (measured in docs/scale.md); throughput comes from batching units into transactions, as on
 * SQLite.
 */
export class PgConnection {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;
  private requests = 0;
  readonly name: string;

  constructor(readonly url: string) {
    this.name = maskedUrl(url);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const pgPath = createRequire(import.meta.url).resolve('pg');
    this.worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { url, pgPath, flag: this.flag.buffer, port: port2 },
      transferList: [port2],
    });
    // The thread ends with the connection; it must never keep the process alive on its own.
    this.worker.unref();
    this.port.unref();
  }

  /** Runs one statement (or several, without values) and waits for its result. */
  query(text: string, values: readonly unknown[] = []): QueryResult {
    if (this.closed)
      throw new PostgresUnusableError(
        'postgres-closed',
        `The connection to ${this.name} was closed.`,
      );
    const reply = this.call({ text, values: values.length ? values : undefined });
    if (reply.ok) return { rows: reply.rows, rowCount: reply.rowCount };
    if (reply.connection)
      throw new PostgresUnusableError(
        'postgres-unreachable',
        `Journey Studio could not reach the PostgreSQL server at ${this.name}: ${reply.message}. ` +
          'Check that the server runs, and the address, user and password in --db.',
      );
    throw new PostgresError(reply.message, reply.code ?? '', reply.detail);
  }

  /** Ends the connection and its thread. */
  close(): void {
    if (this.closed) return;
    this.call({ close: true });
    this.closed = true;
    void this.worker.terminate();
  }

  private call(message: object): Reply {
    const id = ++this.requests;
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ ...message, id });
    const deadline = Date.now() + STATEMENT_WAIT_MS;
    for (;;) {
      // Only the reply to this request answers it: one left over from an earlier request (its
      // caller gone by an error) would otherwise answer every later statement with the rows of
      // the one before.
      const received = receiveMessageOnPort(this.port);
      if (received) {
        const reply = received.message as Reply & { id: number };
        if (reply.id === id) return reply;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        this.closed = true;
        void this.worker.terminate();
        throw new PostgresUnusableError(
          'postgres-timeout',
          `The PostgreSQL server at ${this.name} did not answer within ${STATEMENT_WAIT_MS / 1000} s.`,
        );
      }
      // The flag says a reply was posted; looking again every 50 ms also finds one whose
      // signal came before it could be read.
      Atomics.wait(this.flag, 0, 0, Math.min(left, 50));
      Atomics.store(this.flag, 0, 0);
    }
  }
}
