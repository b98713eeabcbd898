import { ApiError, type ApiErrorBody, type ApiMethod } from '../../api/contract';
import type { ConsoleBackend, ConsoleEvent } from './console-route';
import type { ConsoleHello } from './remote-engine';

/**
 * A console's calls between the event API's thread, which answers the console's HTTP, and the
 * engine's thread, which runs them: requests one way, answers and events the other, as
 * messages. The thread checks everything a request carries before it crosses
 * (core/adapters/http/console-route.ts); the engine only runs what arrives.
 */
export type ConsoleToEngine =
  | { type: 'console-call'; id: number; method: ApiMethod; input: unknown }
  | { type: 'console-hello'; id: number }
  | { type: 'console-listen' }
  | { type: 'console-unlisten' };

export type ConsoleToThread =
  | { type: 'console-answer'; id: number; ok: true; value: unknown }
  | { type: 'console-answer'; id: number; ok: false; error: ApiErrorBody }
  | { type: 'console-event'; event: ConsoleEvent; payload: unknown };

/**
 * How long a console's call may wait for the engine. The engine takes calls between its turns,
 * so a call waits at most a turn (a batch of units) in the normal course; this bounds what the
 * thread holds should the engine not answer at all. The app gives up sooner (15 s).
 */
export const CONSOLE_CALL_TIMEOUT_MS = 60_000;

/** Calls waiting for the engine at once; a console makes a few at a time. */
export const MAX_CONSOLE_CALLS = 32;

export function isConsoleToEngine(message: { type: string }): message is ConsoleToEngine {
  return message.type.startsWith('console-');
}

export function isConsoleToThread(message: { type: string }): message is ConsoleToThread {
  return message.type === 'console-answer' || message.type === 'console-event';
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The thread's side: the engine's console, reached by messages. */
export class ConsoleOverMessages implements ConsoleBackend {
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  private listener: ((event: ConsoleEvent, payload: unknown) => void) | undefined;

  constructor(private readonly send: (message: ConsoleToEngine) => void) {}

  call(method: ApiMethod, input: unknown): Promise<unknown> {
    return this.request((id) => ({ type: 'console-call', id, method, input }));
  }

  hello(): Promise<ConsoleHello> {
    return this.request((id) => ({ type: 'console-hello', id })) as Promise<ConsoleHello>;
  }

  /** One listener at a time: the console's route shares one subscription among its streams. */
  listen(listener: (event: ConsoleEvent, payload: unknown) => void): () => void {
    this.listener = listener;
    this.send({ type: 'console-listen' });
    return () => {
      if (this.listener !== listener) return;
      this.listener = undefined;
      this.send({ type: 'console-unlisten' });
    };
  }

  /** An answer or event from the engine. */
  receive(message: ConsoleToThread): void {
    if (message.type === 'console-event') {
      this.listener?.(message.event, message.payload);
      return;
    }
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(ApiError.fromBody(message.error));
  }

  /** Answers every call still waiting: the thread is closing. */
  close(): void {
    for (const [id, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(
        new ApiError('internal', 'The engine is stopping; try again once it runs.', undefined, {
          reason: 'engine-stopping',
        }),
      );
      this.waiting.delete(id);
    }
  }

  private request(message: (id: number) => ConsoleToEngine): Promise<unknown> {
    if (this.waiting.size >= MAX_CONSOLE_CALLS)
      return Promise.reject(
        new ApiError(
          'internal',
          `The engine already has ${MAX_CONSOLE_CALLS} calls waiting; try again shortly.`,
          undefined,
          { reason: 'engine-calls-waiting', values: { limit: MAX_CONSOLE_CALLS } },
        ),
      );
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(
          new ApiError(
            'internal',
            `The engine did not answer within ${CONSOLE_CALL_TIMEOUT_MS / 1000} s; what was asked may still be done.`,
            undefined,
            { reason: 'engine-timeout', values: { seconds: CONSOLE_CALL_TIMEOUT_MS / 1000 } },
          ),
        );
      }, CONSOLE_CALL_TIMEOUT_MS);
      this.waiting.set(id, { resolve, reject, timer });
      this.send(message(id));
    });
  }
}

/**
 * The engine's side: runs the console's calls that arrive from the thread on `backend`, and
 * passes its events on while the thread listens. Returns what takes each message, and the stop
 * (the thread has ended).
 */
export function answerConsoleMessages(
  backend: ConsoleBackend,
  post: (message: ConsoleToThread) => void,
  log: (line: string) => void,
): { receive(message: ConsoleToEngine): void; stop(): void } {
  let stopListening: (() => void) | undefined;
  const answer = (id: number, method: string, work: () => Promise<unknown>) => {
    work().then(
      (value) => {
        try {
          post({ type: 'console-answer', id, ok: true, value });
        } catch (error) {
          // A value that cannot cross threads is the engine's fault, not the caller's.
          log(`${method} answered what cannot be sent: ${String(error)}`);
          post({ type: 'console-answer', id, ok: false, error: unexpected(method) });
        }
      },
      (error: unknown) => {
        if (!(error instanceof ApiError))
          log(
            `${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        const body = error instanceof ApiError ? error.toBody() : unexpected(method);
        post({ type: 'console-answer', id, ok: false, error: body });
      },
    );
  };
  return {
    receive(message) {
      switch (message.type) {
        case 'console-call':
          answer(message.id, message.method, () => backend.call(message.method, message.input));
          break;
        case 'console-hello':
          answer(message.id, 'hello', () => backend.hello());
          break;
        case 'console-listen':
          stopListening?.();
          stopListening = backend.listen((event, payload) =>
            post({ type: 'console-event', event, payload }),
          );
          break;
        case 'console-unlisten':
          stopListening?.();
          stopListening = undefined;
          break;
      }
    },
    stop() {
      stopListening?.();
      stopListening = undefined;
    },
  };
}

function unexpected(method: string): ApiErrorBody {
  return {
    code: 'internal',
    message: `${method} failed unexpectedly.`,
    reason: 'internal-failure',
  };
}
