import {
  ApiError,
  apiEvents,
  type ApiEvent,
  type ApiEventPayload,
  type ApiHandlers,
  type ApiMethod,
} from '../api/contract';
import type { ServerConnectionView, ServerProblem, ServerReport } from '../api/server-contract';
import type { SecretStore } from '../runtime/secret-store';
import { EventHub } from './event-hub';
import type { AppSettings } from './ports';

/**
 * What goes to the server engine when the app is its console: running journeys (publish,
 * start and stop, the run panel, the outbox, test events). Designing, simulating, data sets and
 * the library's settings stay on this computer.
 */
export const SERVER_RUN_METHODS = [
  'getEngineInfo',
  'getExecution',
  'previewPublish',
  'publishJourney',
  'getJourneyVersion',
  'setExecutionState',
  'listOutbox',
  'getOutboxMessage',
  'retryOutboxMessage',
  'sendTestEvent',
] as const satisfies readonly ApiMethod[];
export type ServerRunMethod = (typeof SERVER_RUN_METHODS)[number];

/** What a server engine serves its console: the run side, and saving the journey to publish. */
export const CONSOLE_METHODS: readonly ApiMethod[] = [...SERVER_RUN_METHODS, 'saveJourney'];

/** The run side's events; while connected, they come from the server. */
export const SERVER_RUN_EVENTS = [
  'liveCounts',
  'engineChanged',
  'executionChanged',
] as const satisfies readonly ApiEvent[];

const RUN_EVENTS: ReadonlySet<string> = new Set(SERVER_RUN_EVENTS);
/** Calls that read or publish the saved journey: the server's copy must be this one. */
const SYNCED: ReadonlySet<string> = new Set(['getExecution', 'previewPublish', 'publishJourney']);

/** An engine on a server, reached over HTTP with its token (core/adapters/http/remote-engine.ts). */
export interface RemoteEngine {
  readonly url: string;
  readonly host: string;
  /** Whether the server answers, accepts the token and is a Journey Studio engine. */
  hello(): Promise<ServerReport>;
  /** One call of the contract; its failure is the `ApiError` the server answered. */
  call(method: ApiMethod, input: unknown): Promise<unknown>;
  /** The server's events while anyone listens; unchecked (checked here). */
  listen(listener: (event: ApiEvent, payload: unknown) => void): () => void;
}

export interface ServerConsolePorts {
  /** Reaches a server engine; absent where this engine is itself the server. */
  connect?: (url: string, token: string) => RemoteEngine;
  /** Where the token and shop secrets are kept, as the settings section says. */
  secretsKeptIn: () => Promise<ServerConnectionView['secretsKeptIn']>;
}

export interface ServerConsoleOptions extends ServerConsolePorts {
  settings: AppSettings;
  secrets: SecretStore;
  log?: (line: string) => void;
}

type ServerHandlers = Pick<
  ApiHandlers,
  | 'getServerConnection'
  | 'testServerConnection'
  | 'connectServer'
  | 'disconnectServer'
  | 'saveShopSecret'
>;

const URL_KEY = 'server.url';

/**
 * An address the app may send a token to: https://, or http:// to this computer (an SSH tunnel,
 * a test server). A problem code otherwise.
 */
export function serverAddressProblem(
  url: string,
): { problem: ServerProblem; detail: string } | { url: string; host: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: 'address-invalid', detail: `"${url}" is not an address` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { problem: 'address-invalid', detail: `${parsed.protocol} is not http(s)` };
  if (parsed.username || parsed.password || parsed.search || parsed.hash)
    return { problem: 'address-invalid', detail: 'the address carries more than a host and path' };
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && !loopback)
    return { problem: 'not-secure', detail: 'http:// would send the token unencrypted' };
  return { url: parsed.toString().replace(/\/$/, ''), host: parsed.host };
}

/**
 * The app as the console of a server engine: while connected, the run side's calls go to the
 * server (publishing first saves the journey there, as designed here) and its events come from
 * there; otherwise, to the engine on this computer. The address is a setting; the token is a
 * secret.
 */
export class ServerConsole {
  private remote: RemoteEngine | undefined;
  private stopListening: (() => void) | undefined;
  private readonly remoteEvents = new EventHub();
  private readonly ready: Promise<void>;

  constructor(
    private readonly options: ServerConsoleOptions,
    private readonly localEvents: EventHub,
  ) {
    this.ready = this.restore();
  }

  /** The contract's server methods. */
  handlers(): ServerHandlers {
    return {
      getServerConnection: async () => {
        await this.ready;
        return this.view();
      },
      testServerConnection: ({ url, token }) => this.test(url, token).then((t) => t.report),
      connectServer: async ({ url, token }) => {
        const { report, remote } = await this.test(url, token);
        if (report.ok && remote) {
          await this.options.secrets.set('server-token', token);
          this.options.settings.set(URL_KEY, remote.url);
          this.use(remote);
        }
        return { report, connection: await this.view() };
      },
      disconnectServer: async () => {
        await this.ready;
        this.options.settings.set(URL_KEY, '');
        await this.options.secrets.delete('server-token');
        this.use(undefined);
        return this.view();
      },
      saveShopSecret: async ({ platform, secret, clear }) => {
        const name = platform === 'shopify' ? 'shopify-secret' : 'woocommerce-secret';
        if (clear || secret === undefined) await this.options.secrets.delete(name);
        else await this.options.secrets.set(name, secret);
        return this.view();
      },
    };
  }

  /** `handlers` with the run side sent to the server while connected. */
  route(handlers: ApiHandlers): ApiHandlers {
    const out = { ...handlers } as Record<string, (input: unknown) => Promise<unknown>>;
    for (const method of SERVER_RUN_METHODS) {
      const local = handlers[method] as (input: unknown) => Promise<unknown>;
      out[method] = async (input) => {
        await this.ready;
        const remote = this.remote;
        if (!remote) return local(input);
        if (SYNCED.has(method)) await this.sendDesign(handlers, remote, input);
        return remote.call(method, input);
      };
    }
    return out as ApiHandlers;
  }

  /** Subscribes to an event from whichever engine runs journeys now. */
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
    if (!RUN_EVENTS.has(event)) return this.localEvents.on(event, listener);
    const offLocal = this.localEvents.on(event, (payload) => {
      if (!this.remote) listener(payload);
    });
    const offRemote = this.remoteEvents.on(event, (payload) => {
      if (this.remote) listener(payload);
    });
    return () => {
      offLocal();
      offRemote();
    };
  }

  close(): void {
    this.stopListening?.();
    this.remoteEvents.clear();
  }

  /**
   * The server publishes (and compares with its versions) what it has saved: the journey as
   * designed here goes there first. A journey not in this library is the server's alone.
   */
  private async sendDesign(
    handlers: ApiHandlers,
    remote: RemoteEngine,
    input: unknown,
  ): Promise<void> {
    const { journeyId } = input as { journeyId: string };
    let record;
    try {
      record = await handlers.getJourney({ id: journeyId });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not-found') return;
      throw error;
    }
    await remote.call('saveJourney', { journey: record.journey });
  }

  private async restore(): Promise<void> {
    const url = this.options.settings.get(URL_KEY);
    if (!url || !this.options.connect) return;
    try {
      const token = await this.options.secrets.get('server-token');
      if (token) this.use(this.options.connect(url, token));
    } catch (error) {
      this.options.log?.(`the server's token could not be read: ${String(error)}`);
    }
  }

  private async test(
    url: string,
    token: string,
  ): Promise<{ report: ServerReport; remote?: RemoteEngine }> {
    const address = serverAddressProblem(url);
    if ('problem' in address) return { report: { ok: false, ...address } };
    if (!this.options.connect)
      throw new ApiError(
        'invalid-request',
        'This engine is itself the server; it cannot run journeys on another one.',
        undefined,
        { reason: 'engine-is-server' },
      );
    const remote = this.options.connect(address.url, token);
    return { report: await remote.hello(), remote };
  }

  private use(remote: RemoteEngine | undefined): void {
    this.stopListening?.();
    this.stopListening = undefined;
    this.remote = remote;
    if (remote) {
      this.stopListening = remote.listen((event, payload) => {
        if (!RUN_EVENTS.has(event)) return;
        const parsed = apiEvents[event].safeParse(payload);
        if (parsed.success) this.remoteEvents.emit(event, parsed.data);
      });
    }
    // Whatever shows the run side reads it again, from the engine now in use.
    const handler = this.remote ? this.remote.call('getEngineInfo', {}) : undefined;
    void handler
      ?.then((info) => {
        const parsed = apiEvents.engineChanged.safeParse(info);
        if (parsed.success) this.remoteEvents.emit('engineChanged', parsed.data);
      })
      .catch(() => undefined);
  }

  private async view(): Promise<ServerConnectionView> {
    const [keptIn, shopify, woocommerce] = await Promise.all([
      this.options.secretsKeptIn(),
      this.options.secrets.get('shopify-secret').catch(() => undefined),
      this.options.secrets.get('woocommerce-secret').catch(() => undefined),
    ]);
    return {
      engine: this.remote ? 'server' : 'local',
      ...(this.remote && { url: this.remote.url, host: this.remote.host }),
      secretsKeptIn: keptIn,
      shopSecrets: { shopify: shopify !== undefined, woocommerce: woocommerce !== undefined },
    };
  }
}
