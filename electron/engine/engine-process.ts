import {
  API_EVENTS,
  ApiError,
  isApiMethod,
  type ApiEnvelope,
  type ApiMethod,
} from '../../core/api/contract';
import { dispatchCall, type CallRoute } from '../../core/app/api-dispatch';
import type { Db, OpenOptions } from '../../core/adapters/sqlite/database';
import type { SecretName, SecretProtection, SecretStore } from '../../core/runtime/secret-store';
import type { AppServiceOptions } from '../../core/adapters/local-app';
import type { AppService } from '../../core/app/app-service';
import {
  isMessage,
  type EngineToMain,
  type MainToEngine,
  type SecretReply,
  type SecretRequest,
} from './engine-messages';

/** The utility process's `process.parentPort`, as far as the engine process uses it. */
export interface ParentPortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: EngineToMain): void;
}

/** The app service's factory, as the build resolves it (core/adapters/local-app.ts). */
export type CreateAppService = (options: AppServiceOptions) => AppService;

export interface EngineProcessDeps {
  port: ParentPortLike;
  openDatabase: (file: string, options: OpenOptions) => Db;
  createAppService: CreateAppService;
  exit: (code: number) => void;
  log?: (message: string) => void;
  /** This process's bundle, from which the event API starts a thread of its own. */
  threadScript?: string;
}

/**
 * The engine in its own process: it opens the database, runs the app service, answers main's
 * calls and forwards the service's events. Slow work here (an import, a simulation, a big
 * query) never stalls the window, and a crash here never takes the window down.
 */
export function runEngineProcess(deps: EngineProcessDeps): void {
  const { port } = deps;
  const log = deps.log ?? ((message: string) => console.error(`[engine] ${message}`));
  let service: AppService | undefined;
  let db: Db | undefined;
  let nextSecretId = 1;
  const calls = new Set<Promise<void>>();
  const pendingSecrets = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >();

  function askMain(request: SecretRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      pendingSecrets.set(request.id, { resolve, reject });
      port.postMessage(request);
    });
  }

  const secrets: SecretStore = {
    async get(name: SecretName) {
      return (await askMain({ type: 'secret', id: nextSecretId++, op: 'get', name })) as
        string | undefined;
    },
    async set(name: SecretName, value: string) {
      await askMain({ type: 'secret', id: nextSecretId++, op: 'set', name, value });
    },
    async delete(name: SecretName) {
      await askMain({ type: 'secret', id: nextSecretId++, op: 'delete', name });
    },
    async protection() {
      return (await askMain({
        type: 'secret',
        id: nextSecretId++,
        op: 'protection',
      })) as SecretProtection;
    },
  };

  function init(message: Extract<MainToEngine, { type: 'init' }>): void {
    try {
      db = deps.openDatabase(message.databaseFile, {
        ...(message.nativeBinding && { nativeBinding: message.nativeBinding }),
        ...(deps.threadScript !== undefined && { apiThreadScript: deps.threadScript }),
      });
      service = deps.createAppService({
        dataDir: message.dataDir,
        db,
        secrets,
        log,
        ...(message.nativeBinding && { nativeBinding: message.nativeBinding }),
        ...(deps.threadScript !== undefined && { apiThreadScript: deps.threadScript }),
      });
      for (const event of API_EVENTS) {
        service.on(event, (payload) => port.postMessage({ type: 'event', event, payload }));
      }
      port.postMessage({ type: 'ready' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`could not start: ${reason}`);
      port.postMessage({ type: 'fatal', message: reason });
    }
  }

  async function call(id: number, method: ApiMethod, input: unknown): Promise<void> {
    const handlers = service?.handlers;
    const envelope: ApiEnvelope<unknown> = handlers
      ? await dispatchCall(
          {
            route: (m) => (isApiMethod(m) ? (handlers[m] as CallRoute) : undefined),
            log,
            // The answer goes to main, which relays it: a storage error is worth showing as is.
            revealCauses: true,
          },
          method,
          input,
        )
      : {
          ok: false,
          error: new ApiError('internal', 'The engine is not running.', undefined, {
            reason: 'engine-not-running',
          }).toBody(),
        };
    port.postMessage({ type: 'result', id, envelope });
  }

  function settleSecret(reply: SecretReply): void {
    const pending = pendingSecrets.get(reply.id);
    if (!pending) return;
    pendingSecrets.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.message));
  }

  // Calls already under way finish (and answer) before the database closes under them.
  async function stop(): Promise<void> {
    await Promise.allSettled([...calls]);
    try {
      await service?.close();
      db?.close();
    } finally {
      service = undefined;
      db = undefined;
      port.postMessage({ type: 'stopped' });
      deps.exit(0);
    }
  }

  port.on('message', ({ data }) => {
    if (!isMessage<MainToEngine>(data)) return;
    switch (data.type) {
      case 'init':
        init(data);
        break;
      case 'call': {
        const running = call(data.id, data.method, data.input);
        calls.add(running);
        void running.finally(() => calls.delete(running));
        break;
      }
      case 'secret-reply':
        settleSecret(data);
        break;
      case 'stop':
        void stop();
        break;
    }
  });
}
