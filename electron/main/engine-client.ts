import {
  ApiError,
  type ApiEnvelope,
  type ApiErrorWords,
  type ApiEvent,
  type ApiMethod,
} from '../../core/api/contract';
import type { SecretStore } from '../../core/runtime/secret-store';
import {
  isMessage,
  secretRequestSchema,
  type EngineToMain,
  type MainToEngine,
  type SecretRequest,
} from '../engine/engine-messages';

/** A started engine process: Electron's `UtilityProcess`, as far as the client uses it. */
export interface EngineProcess {
  postMessage(message: MainToEngine): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface EngineClientOptions {
  spawn(): EngineProcess;
  init: { dataDir: string; databaseFile: string; nativeBinding?: string };
  secrets: SecretStore;
  log(message: string): void;
  /** The engine cannot run (its database cannot be opened, or it keeps crashing). */
  onFatal?(message: string): void;
  /** Crashes tolerated before the client stops restarting the engine. */
  maxRestarts?: number;
  stopTimeoutMs?: number;
}

type Pending = (envelope: ApiEnvelope<unknown>) => void;
type EventListener = (event: ApiEvent, payload: unknown) => void;

function failure(message: string, words: ApiErrorWords): ApiEnvelope<never> {
  return { ok: false, error: new ApiError('internal', message, undefined, words).toBody() };
}

/**
 * Main's handle on the engine process. Calls made while the engine starts wait for it; a call
 * always settles with an envelope, also when the engine fails or crashes under it. A crashed
 * engine is restarted (a few times), and calls in flight are answered with an error rather than
 * replayed: a save must not happen twice.
 */
export class EngineClient {
  private process: EngineProcess | undefined;
  private state: 'idle' | 'starting' | 'ready' | 'failed' | 'stopping' | 'stopped' = 'idle';
  private failureMessage = '';
  private failureWords: ApiErrorWords = { reason: 'internal-failure' };
  private nextId = 1;
  private restarts = 0;
  private readonly queued: { method: ApiMethod; input: unknown; settle: Pending }[] = [];
  private readonly inFlight = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  private stopped: (() => void) | undefined;

  constructor(private readonly options: EngineClientOptions) {}

  start(): void {
    if (this.state !== 'idle' && this.state !== 'starting') return;
    this.state = 'starting';
    const child = this.options.spawn();
    this.process = child;
    child.on('message', (message) => this.receive(child, message));
    child.on('exit', (code) => this.exited(child, code));
    child.postMessage({ type: 'init', ...this.options.init });
  }

  call(method: ApiMethod, input: unknown): Promise<ApiEnvelope<unknown>> {
    return new Promise((settle) => {
      if (this.state === 'failed') return settle(failure(this.failureMessage, this.failureWords));
      if (this.state === 'stopping' || this.state === 'stopped') {
        return settle(failure('Journey Studio is closing.', { reason: 'engine-stopped' }));
      }
      if (this.state === 'ready') return this.send(method, input, settle);
      this.queued.push({ method, input, settle });
      if (this.state === 'idle') this.start();
    });
  }

  /** Engine events, unchecked: the relay to the window validates them. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks the engine to close its database and exit; kills it if it does not in time. */
  stop(): Promise<void> {
    const child = this.process;
    if (!child || this.state === 'stopped' || this.state === 'failed') {
      this.state = 'stopped';
      return Promise.resolve();
    }
    this.state = 'stopping';
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.options.log('The engine did not stop in time; ending it.');
        child.kill();
      }, this.options.stopTimeoutMs ?? 3000);
      this.stopped = () => {
        clearTimeout(timer);
        resolve();
      };
      child.postMessage({ type: 'stop' });
    });
  }

  private send(method: ApiMethod, input: unknown, settle: Pending): void {
    const id = this.nextId++;
    this.inFlight.set(id, settle);
    this.process?.postMessage({ type: 'call', id, method, input });
  }

  private receive(child: EngineProcess, message: unknown): void {
    if (child !== this.process || !isMessage<EngineToMain>(message)) return;
    switch (message.type) {
      case 'ready': {
        this.state = 'ready';
        for (const call of this.queued.splice(0)) this.send(call.method, call.input, call.settle);
        break;
      }
      case 'fatal':
        this.fail(`Journey Studio could not open its database: ${message.message}`, {
          reason: 'database-unopened',
          values: { detail: message.message },
        });
        break;
      case 'result': {
        const settle = this.inFlight.get(message.id);
        this.inFlight.delete(message.id);
        settle?.(message.envelope);
        break;
      }
      case 'event':
        for (const listener of this.listeners) listener(message.event, message.payload);
        break;
      case 'secret':
        void this.answerSecret(child, message);
        break;
      case 'stopped':
        break;
    }
  }

  private async answerSecret(child: EngineProcess, message: SecretRequest): Promise<void> {
    const { secrets } = this.options;
    const checked = secretRequestSchema.safeParse(message);
    const id: unknown = (message as { id?: unknown }).id;
    try {
      if (!checked.success) {
        if (typeof id !== 'number') {
          this.options.log('Dropped a secret request without an id.');
          return;
        }
        throw new Error('unknown secret');
      }
      const request = checked.data;
      let value: string | undefined;
      if (request.op === 'protection') {
        value = await secrets.protection();
      } else if (request.op === 'get') {
        value = await secrets.get(request.name);
      } else if (request.op === 'set') {
        await secrets.set(request.name, request.value);
      } else {
        await secrets.delete(request.name);
      }
      child.postMessage({
        type: 'secret-reply',
        id: request.id,
        ok: true,
        ...(value !== undefined && { value }),
      });
    } catch (error) {
      child.postMessage({
        type: 'secret-reply',
        id: id as number,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private exited(child: EngineProcess, code: number): void {
    if (child !== this.process) return;
    this.process = undefined;
    const answer = failure('The engine stopped while answering; try again.', {
      reason: 'engine-crashed',
    });
    for (const settle of this.inFlight.values()) settle(answer);
    this.inFlight.clear();
    if (this.state === 'stopping') {
      this.state = 'stopped';
      this.stopped?.();
      return;
    }
    if (this.state === 'failed') return;
    this.options.log(`The engine exited unexpectedly (code ${code}).`);
    if (this.restarts >= (this.options.maxRestarts ?? 3)) {
      this.fail(`The engine keeps stopping (exit code ${code}). Restart Journey Studio.`, {
        reason: 'engine-keeps-stopping',
        values: { exitCode: code },
      });
      return;
    }
    this.restarts += 1;
    this.state = 'idle';
    this.start();
  }

  private fail(message: string, words: ApiErrorWords): void {
    this.state = 'failed';
    this.failureMessage = message;
    this.failureWords = words;
    this.options.log(message);
    for (const call of this.queued.splice(0)) call.settle(failure(message, words));
    for (const settle of this.inFlight.values()) settle(failure(message, words));
    this.inFlight.clear();
    this.process?.kill();
    this.options.onFatal?.(message);
  }
}
