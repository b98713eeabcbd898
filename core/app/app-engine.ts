import type { EngineInfo, LiveCounts, OutboxMessageStatus } from '../api/execution-contract';
import type { LiveEngine } from '../executor/live-engine';
import type { CancelTimer, Timers } from '../executor/ports';
import type { StepObserver } from '../runtime/ports';
import type { SecretStore } from '../runtime/secret-store';
import type { EventHub } from './event-hub';
import type { AppSettings, ExecutionRecords } from './ports';
import { engineStopped } from './api-errors';
import { engineProblemOf, type EngineProblem } from './engine-problem';
import { savedLibrarySettings } from './library-settings';
import { sendingProblemOf } from './sending-preflight';
import { savedSmtpSettings, smtpUrlOf } from './smtp-settings';

/** What the app hands the engine when it starts it. */
export interface LaunchHooks {
  /** Where email goes, read once the database is the engine's (the password is a secret). */
  smtpUrl(): Promise<string | undefined>;
  /** Steps, as they are committed. */
  observer: StepObserver;
  /** Delivery finished attempts. */
  onDelivered(): void;
}

/** Starts the live engine on the app's database: the adapters' side of `AppEngine`. */
export interface EngineLauncher {
  /**
   * Takes the database's engine lock and starts the engine with its event API. Rejects with an
   * `ApiError` of code `conflict` when another process's engine holds the database.
   */
  launch(hooks: LaunchHooks): Promise<LiveEngine>;
  /**
   * Takes the engine lock without starting the engine (to replace the database under it); a
   * `conflict` `ApiError` when another process holds it.
   */
  lock(): void;
  /** Lets go of the engine lock, once the engine has stopped. */
  release(): void;
}

export interface AppEngineOptions {
  launcher: EngineLauncher;
  settings: AppSettings;
  secrets: SecretStore;
  executions: ExecutionRecords;
  /** Messages by status, while the engine is not running. */
  messageCounts(): Record<OutboxMessageStatus, number>;
  events: EventHub;
  timers: Timers;
  log?: (line: string) => void;
}

/** Live counts are pushed at most this often. */
const PUSH_EVERY_MS = 400;

/**
 * The live engine as the app runs it: started when a journey is live or has work left (and
 * otherwise on first use), stopped with the app. It reads the SMTP password from the secret
 * store and keeps it in memory only; it pushes live counts as steps commit.
 */
export class AppEngine {
  private engine: LiveEngine | undefined;
  private starting: Promise<LiveEngine> | undefined;
  private problem: EngineProblem | undefined;
  private stopPush: CancelTimer | undefined;
  private readonly dirty = new Set<string>();
  private delivered = false;
  private readonly lastPushed = new Map<string, string>();
  private closed = false;

  constructor(private readonly options: AppEngineOptions) {}

  /** The running engine, started if need be; refuses when another process holds the database. */
  get(): Promise<LiveEngine> {
    if (this.closed) return Promise.reject(engineStopped());
    if (this.engine) return Promise.resolve(this.engine);
    this.starting ??= this.start().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  /** The engine if it is running, without starting it. */
  get running(): LiveEngine | undefined {
    return this.engine;
  }

  private async start(): Promise<LiveEngine> {
    this.problem = undefined;
    let engine: LiveEngine;
    try {
      engine = await this.options.launcher.launch({
        smtpUrl: () => this.smtpUrl(),
        observer: { record: (step) => this.dirty.add(step.journeyId) },
        onDelivered: () => {
          this.delivered = true;
        },
      });
    } catch (error) {
      this.problem = engineProblemOf(error);
      throw error;
    }
    if (this.closed) {
      await engine.stop();
      throw engineStopped();
    }
    this.engine = engine;
    this.stopPush = this.options.timers.every(PUSH_EVERY_MS, () => this.push());
    return engine;
  }

  // ---------------------------------------------------------------- SMTP

  /** The URL email goes to with the saved settings, or undefined for the embedded outbox. */
  async smtpUrl(): Promise<string | undefined> {
    const settings = savedSmtpSettings(this.options.settings);
    if (!settings.host) return undefined;
    return smtpUrlOf(settings, await this.options.secrets.get('smtp-password'));
  }

  /** Applies saved settings to the running engine. */
  async applySmtp(): Promise<void> {
    const url = await this.smtpUrl();
    this.engine?.setSmtpUrl(url);
  }

  // ---------------------------------------------------------------- what the app shows

  info(): EngineInfo {
    const engine = this.engine;
    const held = sendingProblemOf(
      savedSmtpSettings(this.options.settings).host,
      savedLibrarySettings(this.options.settings),
    );
    const emailProblem = held && {
      emailProblem: held.message,
      emailProblemCode: held.code,
      emailProblemValues: held.values,
    };
    if (!engine) {
      return {
        running: false,
        ...(this.problem && {
          problem: this.problem.message,
          problemCode: this.problem.code,
          problemValues: this.problem.values,
        }),
        email: savedSmtpSettings(this.options.settings).host ? 'smtp' : 'embedded',
        ...emailProblem,
        inbox: 0,
        wakes: 0,
        messages: this.options.messageCounts(),
        failures: 0,
      };
    }
    const status = engine.status();
    return {
      running: true,
      eventApiUrl: engine.eventApiUrl,
      eventApiToken: this.options.settings.secret('eventApi.token'),
      email: engine.emailTransport,
      ...(engine.emailTransport === 'smtp' && emailProblem),
      inbox: status.inbox,
      wakes: status.wakes,
      messages: status.outbox,
      failures: status.failures,
    };
  }

  counts(journeyId: string): LiveCounts {
    return this.options.executions.counts(journeyId);
  }

  /** Marks a journey's counts as changed (after a state change), pushed on the next tick. */
  touch(journeyId: string): void {
    this.dirty.add(journeyId);
  }

  private push(): void {
    if (this.dirty.size === 0 && !this.delivered) return;
    const ids = new Set(this.dirty);
    if (this.delivered) for (const id of this.options.executions.known()) ids.add(id);
    this.dirty.clear();
    this.delivered = false;
    try {
      for (const id of ids) {
        const counts = this.counts(id);
        const text = JSON.stringify(counts);
        if (this.lastPushed.get(id) === text) continue;
        this.lastPushed.set(id, text);
        this.options.events.emit('liveCounts', counts);
      }
      this.options.events.emit('engineChanged', this.info());
    } catch (error) {
      this.options.log?.(`live counts could not be read: ${String(error)}`);
    }
  }

  /**
   * Runs `work` with the engine stopped and its lock held — no step, delivery or event is
   * applied meanwhile — then starts it again if it was running.
   */
  async suspended<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw engineStopped();
    const engine = this.engine ?? (await this.starting?.catch(() => undefined));
    this.engine = undefined;
    this.stopPush?.();
    await engine?.stop();
    try {
      this.options.launcher.lock();
      return await work();
    } finally {
      if (engine && !this.closed) await this.get().catch(() => undefined);
    }
  }

  /** Stops the engine cleanly (work left resumes at the next start) and releases the lock. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopPush?.();
    const engine = this.engine ?? (await this.starting?.catch(() => undefined));
    this.engine = undefined;
    await engine?.stop();
    this.options.launcher.release();
  }
}
