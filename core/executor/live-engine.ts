import type { MigrationPlan } from '../migration/migration-plan';
import type { Journey } from '../model/journey';
import type { Channel } from '../channels/registry';
import type { Clock, OutboxMessage, StepObserver } from '../runtime/ports';
import { Delivery } from './delivery';
import { Executor, type ExecutorOptions, type PublishResult } from './executor';
import type {
  AcceptOutcome,
  Backlog,
  CancelTimer,
  EngineInput,
  EngineOutbox,
  EngineStatus,
  EventApiPort,
  InputIntake,
  LiveJourney,
  LiveJourneyControl,
  LiveStore,
  Timers,
  TransportSet,
} from './ports';
import { profileWriter, type ProfileWriter } from './profile-writer';
import type { RetryPolicy } from './retry-policy';

export interface LiveEngineOptions {
  clock: Clock;
  timers: Timers;
  store: LiveStore;
  journeys: LiveJourneyControl;
  outbox: EngineOutbox;
  backlog: Backlog;
  transports: TransportSet;
  eventApi: EventApiPort;
  /** Inputs the event API accepted in a thread of its own, taken in at every turn. */
  intake?: InputIntake;
  /** The one-click unsubscribe link put in messages. */
  unsubscribeUrl?: ExecutorOptions['unsubscribeUrl'];
  retry?: Partial<RetryPolicy>;
  /** Attempts in flight at once (default 32 over SMTP, 64 otherwise). */
  deliveryConcurrency?: number;
  /** Units per engine transaction. */
  batchSize?: number;
  /** Steps, as they are committed (live views). */
  observer?: StepObserver;
  /** Problems worth telling the operator about (a storage error, a retry of the loop). */
  log?: (line: string) => void;
  /** Delivery finished attempts (live views). */
  onDelivered?: () => void;
  /**
   * Other engines work on the same database (PostgreSQL): inputs they accept and journeys they
   * publish are looked for at least this often (milliseconds), not only when told.
   */
  sharedPollMs?: number;
}

/** The longest the engine sleeps without looking at the clock again. */
const MAX_SLEEP_MS = 30_000;
/**
 * Units per turn of the event loop. API requests are read and answered between turns, so a
 * turn is kept short (milliseconds): a long one would leave every connection waiting.
 */
const UNITS_PER_TURN = 500;
/**
 * Units per turn while requests are streaming in. Acknowledging comes first: what is accepted
 * is durable in the inbox, and the engine catches up in the pauses, in time order all the same.
 */
const UNITS_PER_BUSY_TURN = 64;
/** How long after accepted inputs the engine counts as busy. */
const BUSY_MS = 100;
/** Delivery outcomes are committed once this many are finished… */
const COMMIT_OUTCOMES = 64;
/** …or this long after the first of them finished. */
const COMMIT_WITHIN_MS = 20;
/** Free attempt slots that make it worth fetching more due messages. */
const PUMP_AT_FREE = 8;
/** How often old message ids are forgotten. */
const MAINTAIN_EVERY_MS = 60 * 60 * 1000;
/** Work a minute late was held up (asleep, off): it runs now, in time order, and may be `late`. */
const CATCH_UP_AFTER_MS = 60_000;

/**
 * The one live engine: the executor on the clock, delivery of the outbox, and the event API,
 * each driven by timers. `run`, `serve`, browser mode and the desktop app's engine process all
 * run it; core/adapters/local-engine.ts plugs in SQLite, SMTP and HTTP.
 *
 * Inputs arrive through `ingest` (the event API calls it, so does the app's test event): they
 * are durable once it returns, and applied on the next turns in time order. Wake-ups fire as
 * they fall due; delivery attempts what the steps enqueued, and commits outcomes in groups.
 *
 * @example
 * const engine = openLocalEngine({ db, token });
 * engine.publish(journey);
 * const url = await engine.start(); // the event API's address
 */
export class LiveEngine {
  /** The step driver; tests and benchmarks may run it by hand before `start`. */
  readonly executor: Executor;
  readonly outbox: EngineOutbox;
  private readonly delivery: Delivery;
  private readonly timers: Timers;
  private engineTimer: CancelTimer | undefined;
  private engineAt = Number.POSITIVE_INFINITY;
  private engineSoon = false;
  private deliveryTimer: CancelTimer | undefined;
  private deliverySoon = false;
  private commitTimer: CancelTimer | undefined;
  private maintenanceTimer: CancelTimer | undefined;
  private running = false;
  private lastAccepted = Number.NEGATIVE_INFINITY;
  private stopping: Promise<void> | undefined;
  private readonly maxSleepMs: number;
  private refreshedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: LiveEngineOptions) {
    this.timers = options.timers;
    this.maxSleepMs = options.sharedPollMs ?? MAX_SLEEP_MS;
    this.outbox = options.outbox;
    this.executor = new Executor({
      store: options.store,
      catalog: options.journeys,
      library: options.journeys,
      clock: options.clock,
      observer: options.observer,
      batchSize: options.batchSize ?? UNITS_PER_TURN,
      unsubscribeUrl: options.unsubscribeUrl,
      lateAfterMs: CATCH_UP_AFTER_MS,
    });
    const transports = options.transports;
    this.delivery = new Delivery({
      store: options.outbox,
      transport: (channel) => transports.transport(channel),
      clock: options.clock,
      policy: options.retry,
      concurrency: options.deliveryConcurrency ?? (transports.email === 'smtp' ? 32 : 64),
      onSettled: () => {
        this.deliverSoon();
        options.onDelivered?.();
      },
    });
  }

  /**
   * Accepts inputs durably, as accepted now, and applies them on the next turns. Inputs whose
   * `messageId` was seen before are acknowledged as duplicates and not stored again.
   */
  ingest(inputs: readonly EngineInput[]): AcceptOutcome[] {
    const outcomes = this.executor.ingest(inputs);
    this.inputsArrived();
    return outcomes;
  }

  /** Inputs were accepted (here or by the event API's thread): the engine looks at them soon. */
  inputsArrived(): void {
    this.lastAccepted = this.options.clock.now();
    this.runSoon();
  }

  /**
   * Publishes a journey (a new version only when it changed) and starts it if it must; with a
   * migration plan, carries the people inside over as it chooses, in the same transaction.
   */
  publish(journey: Journey, migration?: MigrationPlan): PublishResult {
    const result = this.executor.publish(journey, undefined, migration);
    this.runSoon();
    return result;
  }

  /**
   * Makes `version` of a journey take new entries from `at`, and starts it for existing profiles
   * where its trigger asks; `alongside` runs in the same transaction (the app notes the state).
   */
  goLive(journeyId: string, version: number, at: number, alongside?: () => void): void {
    const { store, journeys } = this.options;
    store.transaction(() => {
      journeys.goLive(journeyId, version, at);
      alongside?.();
    });
    journeys.refresh();
    this.startJourneys([journeyId]);
  }

  /**
   * No new entries into a journey; its running enrollments finish on their version, unless
   * `alongside`, in the same transaction, ends them.
   */
  stopEntries(journeyId: string, alongside?: () => void): void {
    const { store, journeys } = this.options;
    store.transaction(() => {
      journeys.unpublish(journeyId);
      alongside?.();
    });
    // `alongside` may have changed enrollments behind the store's back.
    store.discardCache();
    journeys.refresh();
  }

  /** The versions taking new entries. */
  live(): LiveJourney[] {
    return this.options.journeys.list();
  }

  /** Re-checks every profile against these live journeys (segments, birthdays), as due work. */
  startJourneys(journeyIds: readonly string[]): void {
    const now = this.options.clock.now();
    for (const id of journeyIds) this.executor.start(id, now);
    this.runSoon();
  }

  /**
   * Adds or updates profiles as they come, committed a thousand at a time; journeys do not see
   * them until `startJourneys` (or a publish) starts them.
   */
  profileWriter(): ProfileWriter {
    return profileWriter(this.options.store);
  }

  // ---------------------------------------------------------------- email

  /** The SMTP server email goes to, if any. */
  get smtpUrl(): string | undefined {
    return this.options.transports.smtpUrl;
  }

  /** Where transports send email: `smtp` or the embedded outbox. */
  get emailTransport(): 'smtp' | 'embedded' {
    return this.options.transports.email;
  }

  /**
   * Sends email over SMTP to `url` from now on, or to the embedded outbox without one. Attempts
   * in flight finish on the transport they started with.
   */
  setSmtpUrl(url: string | undefined): void {
    if (url === this.smtpUrl) return;
    const closeRetired = this.options.transports.useSmtp(url);
    if (closeRetired) void this.delivery.idle().then(closeRetired);
    this.deliverSoon();
  }

  /**
   * Puts one message straight into the outbox, outside any journey step (the designer's test
   * send), and delivers it on the next turn through the transport every message takes.
   */
  enqueueMessage(message: OutboxMessage): void {
    const store = this.options.store;
    store.transaction(() => store.addMessage(message));
    this.deliverSoon();
  }

  /**
   * The unsubscribe link the engine puts in a profile's messages of a journey: the one-click
   * link, or a `mailto:` on the sender's domain when only a mailbox that is read can be reached.
   */
  unsubscribeUrl(journeyId: string, profileId: string, channel: Channel, sender?: string): string {
    return this.options.unsubscribeUrl?.(journeyId, profileId, channel, sender) ?? '';
  }

  // ---------------------------------------------------------------- running

  /** The event API's address, once it listens. */
  get eventApiUrl(): string {
    return this.options.eventApi.url;
  }

  /** Starts the API (so unsubscribe links know their address), then the engine and delivery. */
  async start(): Promise<string> {
    const url = await this.options.eventApi.listen();
    this.running = true;
    this.runSoon();
    this.deliverSoon();
    this.maintenanceTimer = this.timers.every(MAINTAIN_EVERY_MS, () => this.maintain());
    return url;
  }

  /**
   * Stops cleanly: no new requests, the engine's current transaction finishes, attempts in
   * flight finish and their outcomes are committed. Whatever is left is in the database and
   * resumes at the next start.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.running = false;
      this.engineTimer?.();
      this.deliveryTimer?.();
      this.commitTimer?.();
      this.maintenanceTimer?.();
      await this.options.eventApi.close();
      await this.delivery.idle();
      try {
        this.delivery.commit();
      } catch (error) {
        this.log(`could not record the last delivery outcomes: ${String(error)}`);
      }
      this.options.transports.close();
    })();
    return this.stopping;
  }

  status(): EngineStatus {
    const backlog = this.options.backlog.counts();
    return {
      ...backlog,
      inbox: backlog.inbox + (this.options.intake?.pending() ?? 0),
      outbox: this.outbox.counts(),
      api: { ...this.options.eventApi.stats },
    };
  }

  // ---------------------------------------------------------------- loops

  private log(line: string): void {
    this.options.log?.(line);
  }

  /** Asks the engine to look for due work on the next turn of the event loop. */
  runSoon(): void {
    if (!this.running || this.engineSoon) return;
    this.engineSoon = true;
    this.engineTimer?.();
    this.engineTimer = undefined;
    this.engineAt = Number.POSITIVE_INFINITY;
    this.timers.soon(() => {
      this.engineSoon = false;
      this.engineTurn();
    });
  }

  private engineTurn(): void {
    if (!this.running) return;
    let more: boolean;
    try {
      this.options.intake?.collect(this.executor.ranUntil);
      const now = this.options.clock.now();
      // Another engine may have published since: its journeys are read again now and then.
      if (this.options.sharedPollMs !== undefined && now - this.refreshedAt >= 1_000) {
        this.options.journeys.refresh();
        this.refreshedAt = now;
      }
      const busy = now - this.lastAccepted < BUSY_MS;
      const result = this.executor.runDue(now, busy ? UNITS_PER_BUSY_TURN : UNITS_PER_TURN);
      more = result.more;
      if (result.inputs + result.wakes + result.started > 0) this.deliverSoon();
      if (result.failed > 0)
        this.log(`${result.failed} unit(s) could not be applied; see the failures table`);
    } catch (error) {
      this.log(`the engine will retry after a storage error: ${String(error)}`);
      this.sleepEngine(1_000);
      return;
    }
    if (more) {
      this.runSoon();
      return;
    }
    const next = this.executor.nextDueAt();
    this.sleepEngine(next === undefined ? this.maxSleepMs : next - this.options.clock.now());
  }

  private sleepEngine(ms: number): void {
    if (!this.running) return;
    const delay = Math.max(0, Math.min(this.maxSleepMs, ms));
    const at = this.options.clock.now() + delay;
    if (this.engineTimer && at >= this.engineAt) return;
    this.engineTimer?.();
    this.engineAt = at;
    this.engineTimer = this.timers.after(delay, () => {
      this.engineTimer = undefined;
      this.engineAt = Number.POSITIVE_INFINITY;
      this.engineTurn();
    });
  }

  /** Asks delivery to commit finished attempts and start new ones on the next turn. */
  deliverSoon(): void {
    if (!this.running || this.deliverySoon) return;
    this.deliverySoon = true;
    this.timers.soon(() => {
      this.deliverySoon = false;
      this.deliveryTurn();
    });
  }

  private deliveryTurn(): void {
    if (!this.running) return;
    const delivery = this.delivery;
    try {
      // Outcomes are committed in groups: one fsync for many messages. Until then a message
      // stays claimed, so it is not attempted twice; a crash meanwhile only repeats attempts.
      if (
        delivery.uncommitted >= COMMIT_OUTCOMES ||
        (delivery.uncommitted > 0 && delivery.busy === 0)
      )
        delivery.commit();
      else if (delivery.uncommitted > 0 && !this.commitTimer)
        this.commitTimer = this.timers.after(COMMIT_WITHIN_MS, () => {
          this.commitTimer = undefined;
          this.deliverSoon();
          if (!this.running) return;
          try {
            this.delivery.commit();
          } catch (error) {
            this.log(`delivery will retry after a storage error: ${String(error)}`);
          }
        });
      // Fetch work in handfuls rather than one message per finished attempt.
      if (delivery.free >= PUMP_AT_FREE || delivery.busy === 0) delivery.pump();
    } catch (error) {
      this.log(`delivery will retry after a storage error: ${String(error)}`);
    }
    if (delivery.busy > 0) return;
    // Nothing in flight: sleep until the next message falls due (a retry, say).
    this.deliveryTimer?.();
    const next = delivery.nextDueAt();
    const delay =
      next === undefined
        ? this.maxSleepMs
        : Math.max(50, Math.min(this.maxSleepMs, next - this.options.clock.now()));
    this.deliveryTimer = this.timers.after(delay, () => this.deliveryTurn());
  }

  private maintain(): void {
    try {
      this.options.backlog.forgetOldMessageIds(this.options.clock.now());
    } catch (error) {
      this.log(`maintenance failed: ${String(error)}`);
    }
  }
}
