import { parentPort, Worker } from 'node:worker_threads';
import type { EventApiPort, EventApiStats } from '../../executor/ports';
import { connectDatabase } from '../sqlite/database';
import { SqliteBacklog } from '../sqlite/engine-backlog';
import { openSpool, spoolFile, spoolPending, SpoolWriter } from '../sqlite/input-spool';
import { SqliteImageLibrary } from '../sqlite/image-store';
import { SqliteOutbox } from '../sqlite/outbox-store';
import { SettingsRepository } from '../sqlite/settings';
import {
  answerConsoleMessages,
  ConsoleOverMessages,
  isConsoleToEngine,
  isConsoleToThread,
  type ConsoleToEngine,
  type ConsoleToThread,
} from './console-bridge';
import { consoleRoute, type ConsoleBackend } from './console-route';
import { EventApi } from './event-api';
import { cachedLibrarySettings, MessageLinks, publicHosts } from './message-links';
import { shopWebhookRoute, type ShopSecrets } from './shop-webhook-route';
import { UnsubscribeLinks } from './unsubscribe-links';

/**
 * The event API in a thread of its own, beside the engine. The engine's thread renders
 * templates and runs steps; however long that takes, this thread keeps answering: the health
 * check at once, and events as soon as they are committed to the spool (core/adapters/sqlite/
 * input-spool.ts), which the engine takes in between its turns. Measured and decided in
 * docs/decisions/event-api-thread.md.
 */
export interface EventApiJob {
  kind: 'journey-studio/event-api';
  dbFile: string;
  nativeBinding?: string;
  token: string;
  port: number;
  /** Verifies the one-click unsubscribe links the engine signs. */
  unsubscribeSecret: string;
  /** `--public-url`: the public address, when given instead of the library's setting. */
  publicUrl?: string;
  host?: string;
  tls?: { cert: Uint8Array; key: Uint8Array };
  webhookSecrets?: ShopSecrets;
  /** Answers a console at `/api/…`, its calls run by the engine (core/adapters/http/console-bridge.ts). */
  console?: boolean;
}

type ToEngine =
  | { type: 'listening'; url: string }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'accepted'; stats: EventApiStats }
  | { type: 'stats'; stats: EventApiStats }
  | { type: 'closed' }
  | { type: 'log'; line: string }
  | ConsoleToEngine;

type ToThread = { type: 'close' } | ConsoleToThread;

export function isEventApiJob(data: unknown): data is EventApiJob {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as EventApiJob).kind === 'journey-studio/event-api'
  );
}

const EMPTY_STATS: EventApiStats = {
  requests: 0,
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  commits: 0,
};

/**
 * The thread's side: the HTTP server, writing to the spool and reading the engine's tables (the
 * library's images for `/i/<id>`, and its public address, among them).
 */
export function runEventApiThread(job: EventApiJob): void {
  const port = parentPort;
  if (!port) throw new Error('runEventApiThread runs in a worker thread');
  const send = (message: ToEngine) => port.postMessage(message);
  const binding = job.nativeBinding ? { nativeBinding: job.nativeBinding } : {};
  const engineDb = connectDatabase(job.dbFile, binding);
  const spool = openSpool(spoolFile(job.dbFile), binding);
  const writer = new SpoolWriter(spool, engineDb);
  const backlog = new SqliteBacklog(engineDb);
  const outbox = new SqliteOutbox(engineDb);
  const images = new SqliteImageLibrary(engineDb);
  const links = new UnsubscribeLinks(job.unsubscribeSecret, () => api.url);
  const messageLinks = new MessageLinks(
    links,
    cachedLibrarySettings(new SettingsRepository(engineDb)),
    job.publicUrl,
  );
  const consoleBackend = job.console ? new ConsoleOverMessages(send) : undefined;
  const ingest = (inputs: Parameters<SpoolWriter['accept']>[0]) => {
    const outcomes = writer.accept(inputs, Date.now());
    send({ type: 'accepted', stats: { ...api.stats } });
    return outcomes;
  };
  const api: EventApi = new EventApi({
    ingest,
    ...(job.host && { host: job.host }),
    ...(job.tls && { tls: { cert: Buffer.from(job.tls.cert), key: Buffer.from(job.tls.key) } }),
    ...(job.webhookSecrets && { webhooks: shopWebhookRoute(job.webhookSecrets, ingest) }),
    token: job.token,
    port: job.port,
    status: () => {
      const counts = backlog.counts();
      return {
        ...counts,
        inbox: counts.inbox + spoolPending(spool),
        outbox: outbox.counts(),
        api: { ...api.stats },
      };
    },
    image: (id) => images.file(id),
    unsubscribe: {
      links,
      suppress: (target) => {
        writer.unsubscribe(target, Date.now());
        send({ type: 'accepted', stats: { ...api.stats } });
      },
    },
    extraHosts: () => publicHosts(messageLinks.publicUrl()),
    ...(consoleBackend && {
      console: consoleRoute(consoleBackend, {
        token: job.token,
        log: (line) => send({ type: 'log', line }),
      }),
    }),
  });
  // Refused requests change the figures too; they are passed on now and then.
  let last = '';
  const statsTimer = setInterval(() => {
    const text = JSON.stringify(api.stats);
    if (text !== last) send({ type: 'stats', stats: { ...api.stats } });
    last = text;
  }, 500);
  statsTimer.unref();
  port.on('message', (message: ToThread) => {
    if (isConsoleToThread(message)) {
      consoleBackend?.receive(message);
      return;
    }
    void api.close().then(() => {
      consoleBackend?.close();
      clearInterval(statsTimer);
      spool.close();
      engineDb.close();
      send({ type: 'closed' });
    });
  });
  api.listen().then(
    (url) => send({ type: 'listening', url }),
    (error: unknown) =>
      send({
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
        ...(typeof (error as { code?: unknown }).code === 'string' && {
          code: (error as { code: string }).code,
        }),
      }),
  );
}

export interface EventApiThreadOptions {
  /** A script that calls `runEventApiThread` when it starts with an `EventApiJob` (the entry bundle). */
  script: URL | string;
  job: Omit<EventApiJob, 'kind'>;
  /** Something was accepted: the engine takes it in on its next turn. */
  onAccepted: () => void;
  /** The event API in the engine's own thread, should a thread not start here. */
  fallback: () => EventApiPort;
  /** Runs the calls of a console the thread answers at `/api/…` (`serve`). */
  console?: ConsoleBackend;
  /** Called once the API has closed (the engine's own connection to the spool). */
  afterClose?: () => void;
  log?: (line: string) => void;
}

/** The engine's side of the event API's thread. */
export class EventApiThread implements EventApiPort {
  private worker: Worker | undefined;
  private local: EventApiPort | undefined;
  private baseUrl = '';
  private latest: EventApiStats = { ...EMPTY_STATS };
  private closing = false;

  constructor(private readonly options: EventApiThreadOptions) {}

  get url(): string {
    return this.local?.url ?? this.baseUrl;
  }

  get stats(): EventApiStats {
    return this.local?.stats ?? this.latest;
  }

  async listen(): Promise<string> {
    try {
      return await this.start(this.options.job.port);
    } catch (error) {
      if ((error as { code?: string }).code === 'EADDRINUSE') throw error;
      this.options.log?.(
        `the event API runs in the engine's thread (its own thread did not start: ${String(error)})`,
      );
      this.local = this.options.fallback();
      return this.local.listen();
    }
  }

  private start(port: number): Promise<string> {
    const worker = new Worker(this.options.script, {
      workerData: {
        kind: 'journey-studio/event-api',
        ...this.options.job,
        port,
        ...(this.options.console && { console: true }),
      },
    });
    this.worker = worker;
    const log = (line: string) => this.options.log?.(line);
    const consoleCalls =
      this.options.console &&
      answerConsoleMessages(this.options.console, (message) => worker.postMessage(message), log);
    return new Promise((resolve, reject) => {
      let listening = false;
      worker.on('message', (message: ToEngine) => {
        if (isConsoleToEngine(message)) {
          consoleCalls?.receive(message);
          return;
        }
        switch (message.type) {
          case 'listening':
            listening = true;
            this.baseUrl = message.url;
            resolve(message.url);
            break;
          case 'failed':
            reject(Object.assign(new Error(message.message), { code: message.code }));
            void worker.terminate();
            break;
          case 'accepted':
            this.latest = message.stats;
            this.options.onAccepted();
            break;
          case 'stats':
            this.latest = message.stats;
            break;
          case 'closed':
            break;
          case 'log':
            log(message.line);
            break;
        }
      });
      worker.on('error', (error) => {
        if (!listening) reject(error);
        else this.options.log?.(`the event API's thread failed: ${String(error)}`);
      });
      worker.on('exit', (code) => {
        consoleCalls?.stop();
        if (!listening) {
          reject(new Error(`the event API's thread ended (${code}) before it listened`));
          return;
        }
        if (this.closing || this.worker !== worker) return;
        // It must not stay down: start it again on the same port.
        this.options.log?.(`the event API's thread ended (${code}); starting it again`);
        const at = Number(new URL(this.baseUrl).port);
        setTimeout(() => {
          if (!this.closing) this.start(at).catch((e: unknown) => this.options.log?.(String(e)));
        }, 1_000);
      });
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    try {
      await (this.local ? this.local.close() : this.stopThread());
    } finally {
      this.options.afterClose?.();
    }
  }

  private async stopThread(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5_000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.on('message', (message: ToEngine) => {
        if (message.type === 'closed') void worker.terminate();
      });
      worker.postMessage({ type: 'close' } satisfies ToThread);
    });
  }
}
