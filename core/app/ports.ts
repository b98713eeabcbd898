import type { PeoplePlace } from '../migration/publish-migration';
import type { Dataset, DatasetKind, ImportProblemView } from '../api/data-contract';
import type { ExecutionState, LiveCounts, OutboxMessageStatus } from '../api/execution-contract';
import type { RunSummary, SimulationRun } from '../api/simulation-contract';
import type { OutboxMessageRecord } from '../executor/delivery';
import type { JourneyEvent } from '../model/event';
import type { Journey } from '../model/journey';
import type { Profile } from '../model/profile';
import type { VersionApproval } from '../versions/approvals';

/**
 * What the app's handlers read and write, as interfaces: the adapters implement them on SQLite
 * (core/adapters/sqlite), and the handlers never see a statement. Each call is synchronous, a
 * statement on a local database; `AppPorts.transaction` groups several into one.
 */

/** A journey as the library keeps it. */
export interface StoredJourney {
  journey: Journey;
  revision: number;
  createdAt: number;
  updatedAt: number;
}

/** A save that names a revision older than the stored one: another window saved meanwhile. */
export class RevisionConflictError extends Error {
  constructor(
    readonly journeyId: string,
    readonly current: number,
  ) {
    super(
      `Journey "${journeyId}" was saved elsewhere meanwhile (now at revision ${current}); reload it before saving.`,
    );
  }
}

/** Journeys being edited and their frozen (published) versions. */
export interface JourneyLibrary {
  list(): StoredJourney[];
  get(id: string): StoredJourney | undefined;
  exists(id: string): boolean;
  /** With `expectedRevision`, throws `RevisionConflictError` when another save came in between. */
  save(journey: Journey, now: number, expectedRevision?: number): StoredJourney;
  delete(id: string): boolean;
  latestVersion(id: string): number | undefined;
  /** A frozen version as it was published; undefined when there is no such version. */
  version(id: string, version: number): Journey | undefined;
  /** Freezes the journey as saved unless its newest version is that already. */
  freezeIfChanged(id: string, now: number): { version: number; created: boolean };
}

/** A data set as it is added: everything but the counts the store works out. */
export interface NewDataset {
  id: string;
  kind: DatasetKind;
  name: string;
  fileName?: string;
  source: 'import' | 'generated';
  columns: readonly string[];
  mapping?: string;
  importedAt: number;
  rejected: number;
  problems: readonly ImportProblemView[];
  problemsTruncated: boolean;
}

/** Sample data sets: written whole, never changed after. */
export interface DatasetStore {
  list(): Dataset[];
  get(id: string): Dataset | undefined;
  delete(id: string): boolean;
  addProfiles(meta: NewDataset, profiles: readonly Profile[]): Dataset;
  addEvents(meta: NewDataset, events: readonly JourneyEvent[]): Dataset;
  profiles(datasetId: string): Profile[];
  profile(datasetId: string, profileId: string): Profile | undefined;
  events(datasetId: string, profileId?: string): JourneyEvent[];
  browseProfiles(
    datasetId: string,
    query: string | undefined,
    offset: number,
    limit: number,
  ): { total: number; rows: Profile[] };
  browseEvents(
    datasetId: string,
    filter: { profileId?: string; query?: string },
    offset: number,
    limit: number,
  ): { total: number; rows: JourneyEvent[]; alsoKnownAs?: string[] };
}

/** Simulation runs, kept to compare and trace later. */
export interface SimulationRunStore {
  add(run: SimulationRun): void;
  list(journeyId: string): RunSummary[];
  get(id: string): SimulationRun | undefined;
}

/** A published version as its history lists it. */
export interface VersionEntry {
  version: number;
  publishedAt: number;
  /** What the version is for, and who wrote that, when someone did. */
  note?: string;
  noteBy?: string;
}

/** A journey's version history: the notes on its published versions and their approvals. */
export interface VersionHistoryStore {
  /** Published versions, newest first. */
  versions(journeyId: string): VersionEntry[];
  /** Sets (or, with an empty note, clears) a version's note; false when there is no such version. */
  setNote(journeyId: string, version: number, note: string, by: string | undefined): boolean;
  /** Approvals, newest version first, newest first within a version. */
  approvals(journeyId: string): VersionApproval[];
  approve(approval: Omit<VersionApproval, 'id'>): VersionApproval;
}

/** A journey's execution: its state, versions and when the state last changed. */
export interface ExecutionRecord {
  state: ExecutionState;
  latestVersion?: number;
  liveVersion?: number;
  changedSincePublish: boolean;
  since?: number;
}

/** Journeys' executions as the app shows them. */
export interface ExecutionRecords {
  record(journeyId: string): ExecutionRecord;
  setState(journeyId: string, state: Exclude<ExecutionState, 'unpublished'>, now: number): void;
  /** Journeys published or run (any state but unpublished). */
  known(): string[];
  /** Ends every enrollment still inside the journey and cancels its messages not yet sent. */
  endAll(journeyId: string, now: number): { enrollments: number; messages: number };
  counts(journeyId: string): LiveCounts;
  /** Where the people inside the journey are: by version, step and variants taken, with counts. */
  places(journeyId: string): PeoplePlace[];
}

/** The outbox and its delivery log, as the app lists them. */
export interface OutboxLog {
  get(id: number): OutboxMessageRecord | undefined;
  /** A page of messages, newest first, of one journey and/or status; `before` is an id. */
  page(filter: {
    journeyId?: string;
    status?: OutboxMessageStatus;
    before?: number;
    limit: number;
  }): OutboxMessageRecord[];
  /** Messages by status, of one journey or all. */
  countsOf(journeyId?: string): Record<OutboxMessageStatus, number>;
  /** The attempts made for a message, oldest first. */
  attempts(
    id: number,
  ): { attempt: number; at: number; outcome: string; transport?: string; detail?: string }[];
  /** Puts a dead message back in line; false when it is not dead. */
  retryDead(id: number, now: number): boolean;
}

/** A backup of the library, as the backups folder holds it. */
export interface BackupFile {
  name: string;
  at: number;
  bytes: number;
  reason: 'daily' | 'manual' | 'before-restore';
}

/** The library's backups: one a day, made and restored with SQLite's online backup. */
export interface BackupStore {
  readonly folder: string;
  /** Newest first. */
  list(): BackupFile[];
  backUp(reason: BackupFile['reason']): Promise<BackupFile>;
  /** Puts the library back as the backup has it; the caller has stopped the engine first. */
  restore(name: string): Promise<void>;
}

/** What reading the feedback mailbox found. */
export interface MailboxReading {
  ok: boolean;
  detail: string;
  unsubscribed: number;
  bounced: number;
  complained: number;
}

/** The mailbox that receives unsubscribes, bounces and complaints, read over IMAP. */
export interface FeedbackMailbox {
  read(): Promise<MailboxReading>;
  /** When it was last read, and the problem then, if any. */
  status(): { lastRead?: number; problem?: string };
}

/** Key-value settings of this installation. */
export interface AppSettings {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** A random secret kept under `key`, made on first use and the same ever after. */
  secret(key: string): string;
}

/** An image of the library, as stored: its facts and its bytes. */
export interface StoredImage {
  id: string;
  name: string;
  type: 'image/png' | 'image/jpeg' | 'image/gif';
  width: number;
  height: number;
  size: number;
  addedAt: number;
}

/** The library's images, for email designs: added once, never changed. */
export interface ImageLibrary {
  list(): StoredImage[];
  get(id: string): StoredImage | undefined;
  data(id: string): Uint8Array | undefined;
  /** Adds an image; an image with the same id (the same bytes) is kept as it was. */
  add(image: StoredImage, data: Uint8Array): void;
}
