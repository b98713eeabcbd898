import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import type { JourneyCatalog } from '../runtime/interpreter';
import type { EngineStore, StepRecord, Wake } from '../runtime/ports';
import type { Channel } from '../runtime/step';
import type { OutboxMessageStatus } from '../api/execution-contract';
import type { DeliveryStore, Transport } from './delivery';

/** An event as a sender gives it: without a time, it happened when it was accepted. */
export type IncomingEvent = Omit<JourneyEvent, 'time'> & { readonly time?: number };

/**
 * Something accepted from outside and applied later, in arrival order: an event, new profile
 * attributes, or the start of a journey for every existing profile (segment and date triggers).
 */
export type EngineInput =
  | { type: 'track'; event: IncomingEvent }
  | {
      type: 'identify';
      profileId: string;
      traits: Readonly<Record<string, unknown>>;
      messageId?: string;
      /**
       * An anonymous id named beside `profileId` (an identify naming both, or an alias): its
       * anonymous profile is merged into `profileId` (DESIGN §8).
       */
      anonymousId?: string;
    }
  /** Without `journeyId`: every live journey (after a profile import). */
  | { type: 'start'; journeyId?: string };

/** An accepted input waiting to be applied. */
export interface InboxItem {
  id: number;
  /** The instant it was accepted: the interpreter applies it at this time. */
  receivedAt: number;
  input: EngineInput;
  /** For a start in progress: where in the profile list it has got to. */
  cursor?: string;
}

/** Whether an input was taken, or recognised by its `messageId` as one already taken. */
export type AcceptOutcome = 'accepted' | 'duplicate';

/** The next pending wake-up, with what identifies this scheduling of it. */
export interface PendingWake {
  /** The replacement key of segment and date wake-ups; empty for enrollment wake-ups. */
  key: string;
  seq: number;
  wake: Wake;
}

/**
 * The engine's state when it runs live: the interpreter's store plus the inbox, the wake-up
 * table and transactions. All of it is synchronous: each call is a statement on a local database.
 */
export interface LiveStore extends EngineStore {
  /** Runs `work` as one write transaction: all of it is committed, or none. */
  transaction<T>(work: () => T): T;
  /**
   * Runs `work` inside the current transaction as a part that is undone alone if it throws.
   * Changes held in memory are written before it ends.
   */
  unit<T>(work: () => T): T;
  /** Forgets every object held in memory (after a failed unit: they may be half-changed). */
  discardCache(): void;
  /** Whether an error came from storage (disk, locks) rather than from the unit's own work. */
  isStorageError(error: unknown): boolean;

  /** Stores inputs durably in arrival order; those whose `messageId` was seen are not stored again. */
  accept(inputs: readonly EngineInput[], receivedAt: number): AcceptOutcome[];
  /** The oldest accepted inputs not yet applied. */
  pendingInputs(limit: number): InboxItem[];
  completeInput(id: number): void;
  setStartCursor(id: number, cursor: string): void;
  /**
   * Profiles after `cursor` in the order they were added (as the simulator starts them), for
   * starting journeys in batches; each with the cursor that follows it.
   */
  profilesAfter(cursor: string | undefined, limit: number): { id: string; cursor: string }[];

  /** The enrollments still inside a journey, on any version, in the order they began. */
  activeEnrollmentIds(journeyId: string): string[];

  /** The wake-up that is due first: least (at, seq). */
  nextWake(): PendingWake | undefined;
  /** Removes a wake-up if it is still scheduled as it was read; false when replaced or gone. */
  takeWake(pending: PendingWake): boolean;

  /** Appends step records to the journal, in the current unit. */
  journal(records: readonly StepRecord[]): void;
  /** Keeps an input or wake-up that failed to apply, with the error, for inspection. */
  recordFailure(source: 'input' | 'wake', payload: unknown, error: string, at: number): void;
}

/** The journeys the live engine runs: the catalog, refreshed after publishing. */
export interface LiveCatalog extends JourneyCatalog {
  /** Re-reads which versions are live; call after a commit that published. */
  refresh(): void;
}

/** A version of a journey taking new entries, for display. */
export interface LiveJourney {
  journeyId: string;
  name: string;
  version: number;
  /** When this version started taking entries. */
  since: number;
}

/** The journeys the live engine runs, as it changes which take new entries. */
export interface LiveJourneyControl extends LiveCatalog, PublishPort {
  /** The live versions, with names, for display. */
  list(): LiveJourney[];
  /** Makes a frozen version take new entries from `now` (call `refresh` after). */
  goLive(journeyId: string, version: number, now: number): void;
  /** Stops new entries into a journey; its running enrollments finish on their version. */
  unpublish(journeyId: string): boolean;
}

/** The engine's queues and totals. */
export interface BacklogCounts {
  /** Inputs accepted and not yet applied. */
  inbox: number;
  /** Events ever applied. */
  events: number;
  /** Wake-ups scheduled. */
  wakes: number;
  enrollments: { active: number; ended: number };
  /** Units that failed and were set aside. */
  failures: number;
}

/** What the live engine reads of its tables for status, and prunes now and then. */
export interface Backlog {
  counts(): BacklogCounts;
  /** Forgets the message ids of requests received more than a week before `now`. */
  forgetOldMessageIds(now: number): void;
}

/**
 * Inputs accepted outside the engine's store — by the event API in a thread of its own — that the
 * engine takes into its inbox at the start of each turn.
 */
export interface InputIntake {
  /**
   * Moves what waits into the inbox, each input applied no earlier than `floor` (the engine has
   * run up to there already); returns how many it moved.
   */
  collect(floor: number): number;
  /** How many wait to be moved. */
  pending(): number;
}

/** The outbox as the live engine uses it: delivery's store, and counts for status. */
export interface EngineOutbox extends DeliveryStore {
  counts(): Record<OutboxMessageStatus, number>;
}

/** The live engine's queues, its outbox by status, and what the event API has seen. */
export interface EngineStatus extends BacklogCounts {
  outbox: Record<OutboxMessageStatus, number>;
  api: EventApiStats;
}

/** What the event API has seen since it started. */
export interface EventApiStats {
  requests: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  commits: number;
}

/** The event API as the live engine runs it: an HTTP server in the adapters. */
export interface EventApiPort {
  /** Starts listening; resolves with the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests and lets those in progress finish. */
  close(): Promise<void>;
  /** The base URL, once listening. */
  readonly url: string;
  readonly stats: EventApiStats;
}

/** The transports delivery sends through; email goes over SMTP or to the embedded outbox. */
export interface TransportSet {
  /** The transport for a channel, as it is now. */
  transport(channel: Channel): Transport;
  /** Where email goes. */
  readonly email: 'smtp' | 'embedded';
  /** The SMTP server email goes to, if any. */
  readonly smtpUrl: string | undefined;
  /**
   * Sends email over SMTP to `url` from now on, or to the embedded outbox without one. Returns
   * what closes the transport it replaced, once the attempts in flight on it have finished.
   */
  useSmtp(url: string | undefined): (() => void) | undefined;
  /** Closes the connections kept open. */
  close(): void;
}

/** The journey library as publishing needs it. */
export interface PublishPort {
  /**
   * Freezes the journey into a new version (unless the newest version is the same document)
   * and makes that version take new entries. Runs inside the caller's transaction.
   */
  publish(journey: Journey, now: number): { version: number; created: boolean };
}

/** Cancels a timer that has not fired yet; harmless after it has. */
export type CancelTimer = () => void;

/**
 * Timers, as the live engine and the app use them. The adapters give the system's; the pure
 * core never calls setTimeout itself, so its loops run the same on a test's timers.
 */
export interface Timers {
  /** Runs `work` on the next turn of the event loop, after the I/O already waiting. */
  soon(work: () => void): void;
  /** Runs `work` once, `ms` from now. */
  after(ms: number, work: () => void): CancelTimer;
  /** Runs `work` every `ms`, without keeping the process alive for it. */
  every(ms: number, work: () => void): CancelTimer;
}
