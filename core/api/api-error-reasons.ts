import type { ImageProblemValues } from '../email-design/images';
import type { ImportFileValues } from '../import/import-problems';
import type { FileProblemCode } from '../model/journey-file';
import type { SimulationInputValues } from '../simulator/simulate';
import type { DatasetKind } from './data-contract';
import type { ExecutionState, OutboxMessageStatus } from './execution-contract';

/** A reason whose sentence needs no facts. */
type NoValues = Record<never, never>;

/**
 * Why a journey document cannot be stored, by the journey-file problem it has
 * (core/model/journey-file.ts), with the facts its sentence names.
 */
export type JourneyFileValues =
  | { problem: 'unknown-kind'; nodeId: string; kind: string }
  | { problem: 'duplicate-node-id'; nodeId: string }
  | { problem: 'too-many-nodes' | 'too-many-edges'; count: number; max: number }
  | {
      problem: Exclude<
        FileProblemCode,
        'unknown-kind' | 'duplicate-node-id' | 'too-many-nodes' | 'too-many-edges'
      >;
    };

/**
 * Each reason an API error can give, and the facts (`ApiErrorBody.values`) its sentence is made
 * of: a site that gives a reason must give these. A reason with a `problem` carries another
 * module's coded problem, with that problem's own facts.
 */
export interface ApiErrorReasonValues {
  // A call the app should never make: the contract refused it.
  'invalid-input': { method: string };
  'unknown-method': { method: string };
  'unknown-channel': { channel: string };
  'untrusted-page': NoValues;
  /** The page's access token is not the server's (browser mode restarted with a new one). */
  'token-refused': NoValues;
  'request-malformed': NoValues;
  /** `limit` in megabytes. */
  'request-too-large': { limit: number };

  // The journey library
  'journey-not-found': { journeyId: string };
  'version-not-found': { journeyId: string; version: number };
  'template-not-found': { templateId: string };
  'save-conflict': { name: string; revision: number };
  'journey-exists': { journeyId: string };
  'journey-file': JourneyFileValues;

  // Data sets and imports
  'dataset-not-found': { datasetId: string };
  'dataset-wrong-kind': { name: string; holds: DatasetKind; wanted: DatasetKind };
  'import-file': ImportFileValues;
  /** `line`: where the first row left out is (0: the file has no rows). */
  'nothing-imported': { file: string; line: number };

  // Simulations
  'data-not-chosen': NoValues;
  'end-and-days': NoValues;
  /** `count`: the journey's problems; `purpose`: what they stop (`simulate`, `publish`). */
  'journey-has-problems': { count: number; purpose: 'simulate' | 'publish' };
  'simulation-input': SimulationInputValues;
  'simulation-running': { runId: string };
  'simulation-stopped': { purpose: 'simulation' | 'analysis' };
  'run-not-found': { runId: string };
  'run-is-replay': NoValues;
  'simulate-first': NoValues;

  // Publishing and running
  'migration-plan': { count: number };
  'migration-not-running': { state: ExecutionState };
  'publish-first': NoValues;
  'state-change-refused': { state: 'paused' | 'stopped'; current: ExecutionState };
  'message-not-found': { messageId: number };
  'message-not-retriable': { status: OutboxMessageStatus };
  'engine-stopped': NoValues;
  /**
   * The engine did not start, by its problem code (core/app/engine-problem.ts) with that
   * problem's facts (`pid`, `file`, `port`, `detail`).
   */
  'engine-start': { problem: string; [fact: string]: string | number };
  'engine-not-running': NoValues;
  'engine-starting': NoValues;
  'engine-stopping': NoValues;
  'engine-calls-waiting': { limit: number };
  'engine-timeout': { seconds: number };
  'engine-unreachable': NoValues;
  'engine-answer-unreadable': NoValues;
  /** The desktop app's engine process stopped while it answered. */
  'engine-crashed': NoValues;
  'engine-keeps-stopping': { exitCode: number };
  /** The desktop app's engine process could not open the library's database. */
  'database-unopened': { detail: string };

  // Settings and the server
  'password-both': NoValues;
  'host-invalid': { host: string };
  'mailbox-user-missing': NoValues;
  'backup-not-found': { name: string };
  'engine-is-server': NoValues;
  'server-unreachable': { host: string };
  'server-token-refused': { host: string };
  'server-answer-unknown': { host: string; status: number };
  /** The server is answering too many already; a moment later it will answer. */
  'server-busy': NoValues;

  // Email design
  'logo-missing': NoValues;
  'image-refused': ImageProblemValues;
  'image-incomplete': { name: string };
  'image-not-found': { imageId: string };
  'test-email-incomplete': NoValues;

  // Files on this computer
  /** `size` and `limit` in megabytes. */
  'file-too-large': { file: string; size: number; limit: number };
  'file-unreadable': { file: string };
  /** Another sheet asked of a workbook this window no longer holds. */
  'workbook-closed': NoValues;
  'file-not-saved': { file: string };
  'recent-file-gone': NoValues;
  'recent-file-moved': { file: string };
  'recent-files-desktop-only': NoValues;

  // Failures no call should meet: a calm sentence, and the English detail where it may be shown.
  'internal-failure': NoValues;
  'internal-failure-detail': { detail: string };
}

export type ApiErrorReason = keyof ApiErrorReasonValues;
/** The facts a reason's sentence needs. */
export type ApiErrorValuesOf<R extends ApiErrorReason> = ApiErrorReasonValues[R];

const REASONS: Record<ApiErrorReason, true> = {
  'invalid-input': true,
  'unknown-method': true,
  'unknown-channel': true,
  'untrusted-page': true,
  'token-refused': true,
  'request-malformed': true,
  'request-too-large': true,
  'journey-not-found': true,
  'version-not-found': true,
  'template-not-found': true,
  'save-conflict': true,
  'journey-exists': true,
  'journey-file': true,
  'dataset-not-found': true,
  'dataset-wrong-kind': true,
  'import-file': true,
  'nothing-imported': true,
  'data-not-chosen': true,
  'end-and-days': true,
  'journey-has-problems': true,
  'simulation-input': true,
  'simulation-running': true,
  'simulation-stopped': true,
  'run-not-found': true,
  'run-is-replay': true,
  'simulate-first': true,
  'migration-plan': true,
  'migration-not-running': true,
  'publish-first': true,
  'state-change-refused': true,
  'message-not-found': true,
  'message-not-retriable': true,
  'engine-stopped': true,
  'engine-start': true,
  'engine-not-running': true,
  'engine-starting': true,
  'engine-stopping': true,
  'engine-calls-waiting': true,
  'engine-timeout': true,
  'engine-unreachable': true,
  'engine-answer-unreadable': true,
  'engine-crashed': true,
  'engine-keeps-stopping': true,
  'database-unopened': true,
  'password-both': true,
  'host-invalid': true,
  'mailbox-user-missing': true,
  'backup-not-found': true,
  'engine-is-server': true,
  'server-unreachable': true,
  'server-token-refused': true,
  'server-answer-unknown': true,
  'server-busy': true,
  'logo-missing': true,
  'image-refused': true,
  'image-incomplete': true,
  'image-not-found': true,
  'test-email-incomplete': true,
  'file-too-large': true,
  'file-unreadable': true,
  'workbook-closed': true,
  'file-not-saved': true,
  'recent-file-gone': true,
  'recent-file-moved': true,
  'recent-files-desktop-only': true,
  'internal-failure': true,
  'internal-failure-detail': true,
};

/**
 * Why a call was refused or failed, one stable reason each, so an app can word the error in its
 * own language from the reason and the error's values (`ApiErrorBody.reason`, `.values`). The
 * English `message` beside them stays for the command line and for apps that predate a reason.
 * A reason is never renamed: apps of other versions read it.
 */
export const API_ERROR_REASONS = Object.keys(REASONS) as ApiErrorReason[];
