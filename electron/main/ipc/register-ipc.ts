import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  APP_METHODS,
  ApiError,
  isApiMethod,
  type ApiEnvelope,
  type ApiMethod,
  type AppMethod,
} from '../../../core/api/contract';
import { dispatchCall, unwrapEnvelope, type CallRoute } from '../../../core/app/api-dispatch';
import { CALL_CHANNEL } from '../../ipc-channels';
import type { FileHandlers } from '../files/file-handlers';

export interface IpcRouterDeps {
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  engine: { call(method: ApiMethod, input: unknown): Promise<ApiEnvelope<unknown>> };
  files: FileHandlers;
  log(message: string): void;
}

function refuse(error: ApiError): ApiEnvelope<never> {
  return { ok: false, error: error.toBody() };
}

/**
 * Every method of the contract, routed: the engine's to the engine process, the file methods to
 * main's dialogs. Built by walking `APP_METHODS`, so a method added to the contract is served (or
 * fails the type-check of `FileHandlers`) without touching this file.
 */
function buildRoutes(deps: IpcRouterDeps): Map<AppMethod, CallRoute> {
  const routes = new Map<AppMethod, CallRoute>();
  for (const method of APP_METHODS) {
    if (isApiMethod(method)) {
      routes.set(method, async (input) => unwrapEnvelope(await deps.engine.call(method, input)));
    } else {
      routes.set(method, deps.files[method] as CallRoute);
    }
  }
  return routes;
}

export interface IpcRouter {
  readonly methods: readonly AppMethod[];
  dispatch(
    event: IpcMainInvokeEvent,
    method: unknown,
    input: unknown,
  ): Promise<ApiEnvelope<unknown>>;
}

/**
 * The checks every call passes, in order: the sender (the main window's top frame on the app
 * origin), the method (one of the contract's), the input (the method's schema). The answer is
 * cut to the method's output schema, so nothing the contract does not name — a secret, a path —
 * reaches the page even if a handler returned it.
 */
export function createIpcRouter(deps: IpcRouterDeps): IpcRouter {
  const routes = buildRoutes(deps);

  function dispatch(
    event: IpcMainInvokeEvent,
    method: unknown,
    input: unknown,
  ): Promise<ApiEnvelope<unknown>> {
    if (!deps.isTrustedSender(event)) {
      deps.log(`Refused a call from an untrusted frame (${event.senderFrame?.url ?? 'gone'}).`);
      return Promise.resolve(
        refuse(
          new ApiError('unauthorized', 'This page may not use Journey Studio.', undefined, {
            reason: 'untrusted-page',
          }),
        ),
      );
    }
    return dispatchCall(
      { route: (m) => routes.get(m), log: (line) => deps.log(line) },
      method,
      input,
    );
  }

  return { methods: [...routes.keys()], dispatch };
}

/** The one IPC registration site: a single invoke channel for every call. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  router: IpcRouter,
): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    router.dispatch(event, method, input),
  );
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/**
 * The app sends nothing but invokes on `CALL_CHANNEL`. Anything else arriving from the page is
 * refused: a synchronous message gets the envelope's error at once (instead of a renderer left
 * blocked), a one-way message is dropped.
 */
export function rejectOtherChannels(contents: WebContents, log: (message: string) => void): void {
  contents.on('ipc-message', (_event: IpcMainEvent, channel: string) => {
    log(`Dropped a message on unknown channel ${channel}.`);
  });
  contents.on('ipc-message-sync', (event: IpcMainEvent, channel: string) => {
    log(`Refused a synchronous message on unknown channel ${channel}.`);
    event.returnValue = refuse(
      new ApiError('invalid-request', `Unknown channel ${channel}.`, undefined, {
        reason: 'unknown-channel',
        values: { channel: String(channel).slice(0, 100) },
      }),
    );
  });
}
