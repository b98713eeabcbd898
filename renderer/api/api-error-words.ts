import type { ApiErrorReason, ApiErrorValuesOf } from '../../core/api/api-error-reasons';
import { ApiError } from '../../core/api/contract';
import type { EngineProblemCode } from '../../core/app/engine-problem';
import type { MessageValues } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { words, type Words } from '../i18n/words';

/**
 * A reason's sentence: one id, or for a reason that carries another module's coded problem
 * (`values.problem`), one id per problem code.
 */
type Sentences = {
  [R in ApiErrorReason]: ApiErrorValuesOf<R> extends { problem: infer P extends string }
    ? Record<P, MessageId>
    : MessageId;
};

/** The engine's start problems (core/app/engine-problem.ts), as the run panel words them. */
const ENGINE_START: Record<EngineProblemCode, MessageId> = {
  'engine-busy': 'engineProblem.engineBusy',
  'database-busy': 'engineProblem.databaseBusy',
  'database-unreadable': 'engineProblem.databaseUnreadable',
  'event-api-port': 'engineProblem.eventApiPort',
  'start-failed': 'engineProblem.startFailed',
};

/** Facts an engine problem's sentence may use that a problem can come without. */
const ENGINE_START_BLANKS = { pid: 'none', port: '', file: '', detail: '' };

/** Each reason an API error can give (core/api/api-error-reasons.ts) and its sentence. */
const REASONS: Sentences = {
  'invalid-input': 'apiError.invalidInput',
  'unknown-method': 'apiError.unknownMethod',
  'unknown-channel': 'apiError.unknownChannel',
  'untrusted-page': 'apiError.untrustedPage',
  'token-refused': 'apiError.tokenRefused',
  'request-malformed': 'apiError.requestMalformed',
  'request-too-large': 'apiError.requestTooLarge',
  'journey-not-found': 'apiError.journeyNotFound',
  'version-not-found': 'apiError.versionNotFound',
  'template-not-found': 'apiError.templateNotFound',
  'save-conflict': 'apiError.saveConflict',
  'journey-exists': 'apiError.journeyExists',
  'journey-file': {
    'invalid-json': 'apiError.journeyFile.invalidJson',
    'not-a-journey': 'apiError.journeyFile.notAJourney',
    'unsupported-version': 'apiError.journeyFile.unsupportedVersion',
    'unknown-kind': 'apiError.journeyFile.unknownKind',
    'invalid-structure': 'apiError.journeyFile.invalidStructure',
    'duplicate-node-id': 'apiError.journeyFile.duplicateNodeId',
    'journey-too-large': 'apiError.journeyFile.journeyTooLarge',
    'nesting-too-deep': 'apiError.journeyFile.nestingTooDeep',
    'too-many-nodes': 'apiError.journeyFile.tooManyNodes',
    'too-many-edges': 'apiError.journeyFile.tooManyEdges',
  },
  'dataset-not-found': 'apiError.datasetNotFound',
  'dataset-wrong-kind': 'apiError.datasetWrongKind',
  'import-file': {
    'unreadable-file': 'apiError.importFile.unreadableFile',
    'empty-file': 'apiError.importFile.emptyFile',
    'bad-header': 'apiError.importFile.badHeader',
    'missing-column': 'apiError.importFile.missingColumn',
    'duplicate-column': 'apiError.importFile.duplicateColumn',
    'bad-mapping': 'apiError.importFile.badMapping',
    'not-data': 'apiError.importFile.notData',
    'old-spreadsheet': 'apiError.importFile.oldSpreadsheet',
    'spreadsheet-too-big': 'apiError.importFile.spreadsheetTooBig',
    'bad-spreadsheet': 'apiError.importFile.badSpreadsheet',
    'missing-sheet': 'apiError.importFile.missingSheet',
  },
  'nothing-imported': 'apiError.nothingImported',
  'data-not-chosen': 'apiError.dataNotChosen',
  'end-and-days': 'apiError.endAndDays',
  'journey-has-problems': 'apiError.journeyHasProblems',
  'simulation-input': {
    'no-window': 'apiError.simulationInput.noWindow',
    'window-reversed': 'apiError.simulationInput.windowReversed',
    'no-journeys': 'apiError.simulationInput.noJourneys',
    'duplicate-journey-id': 'apiError.simulationInput.duplicateJourneyId',
    'auto-winner-together': 'apiError.simulationInput.autoWinnerTogether',
    'runs-out-of-range': 'apiError.simulationInput.runsOutOfRange',
    republish: 'apiError.simulationInput.republish',
  },
  'simulation-running': 'apiError.simulationRunning',
  'simulation-stopped': 'apiError.simulationStopped',
  'run-not-found': 'apiError.runNotFound',
  'run-is-replay': 'apiError.runIsReplay',
  'simulate-first': 'apiError.simulateFirst',
  'migration-plan': 'apiError.migrationPlan',
  'migration-not-running': 'apiError.migrationNotRunning',
  'publish-first': 'apiError.publishFirst',
  'state-change-refused': 'apiError.stateChangeRefused',
  'message-not-found': 'apiError.messageNotFound',
  'message-not-retriable': 'apiError.messageNotRetriable',
  'engine-stopped': 'apiError.engineStopped',
  'engine-start': ENGINE_START,
  'engine-not-running': 'apiError.engineNotRunning',
  'engine-starting': 'apiError.engineStarting',
  'engine-stopping': 'apiError.engineStopping',
  'engine-calls-waiting': 'apiError.engineCallsWaiting',
  'engine-timeout': 'apiError.engineTimeout',
  'engine-unreachable': 'apiError.engineUnreachable',
  'engine-answer-unreadable': 'apiError.engineAnswerUnreadable',
  'engine-crashed': 'apiError.engineCrashed',
  'engine-keeps-stopping': 'apiError.engineKeepsStopping',
  'database-unopened': 'apiError.databaseUnopened',
  'password-both': 'apiError.passwordBoth',
  'host-invalid': 'apiError.hostInvalid',
  'mailbox-user-missing': 'apiError.mailboxUserMissing',
  'backup-not-found': 'apiError.backupNotFound',
  'engine-is-server': 'apiError.engineIsServer',
  'server-unreachable': 'apiError.serverUnreachable',
  'server-token-refused': 'apiError.serverTokenRefused',
  'server-answer-unknown': 'apiError.serverAnswerUnknown',
  'server-busy': 'apiError.serverBusy',
  'logo-missing': 'apiError.logoMissing',
  'image-refused': {
    'image-too-large': 'apiError.image.imageTooLarge',
    'image-too-wide': 'apiError.image.imageTooWide',
    'image-unreadable': 'apiError.image.imageUnreadable',
    'image-empty': 'apiError.image.imageEmpty',
  },
  'image-incomplete': 'apiError.imageIncomplete',
  'image-not-found': 'apiError.imageNotFound',
  'test-email-incomplete': 'apiError.testEmailIncomplete',
  'file-too-large': 'apiError.fileTooLarge',
  'file-unreadable': 'apiError.fileUnreadable',
  'workbook-closed': 'apiError.workbookClosed',
  'file-not-saved': 'apiError.fileNotSaved',
  'recent-file-gone': 'apiError.recentFileGone',
  'recent-file-moved': 'apiError.recentFileMoved',
  'recent-files-desktop-only': 'apiError.recentFilesDesktopOnly',
  'internal-failure': 'apiError.internalFailure',
  'internal-failure-detail': 'apiError.internalFailureDetail',
};

const own = (table: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(table, key);

/** The sentence of an error's reason (and problem), or undefined for one this version does not know. */
function sentenceOf(error: ApiError): MessageId | undefined {
  const reason = error.reason;
  if (reason === undefined || !own(REASONS, reason)) return undefined;
  const sentence: MessageId | Record<string, MessageId> = REASONS[reason];
  if (typeof sentence === 'string') return sentence;
  const problem = error.values?.problem;
  return typeof problem === 'string' && own(sentence, problem) ? sentence[problem] : undefined;
}

/**
 * What a failed call says to the marketer, in the chosen language: the sentence of its reason
 * with its values; an error without a reason this version knows (an older or newer engine's)
 * keeps the engine's own words.
 */
export function apiErrorWords(error: unknown): Words {
  if (error instanceof ApiError) {
    const id = sentenceOf(error);
    if (id) {
      const values: MessageValues = {
        field: error.field ?? '',
        ...(error.reason === 'engine-start' && ENGINE_START_BLANKS),
        ...error.values,
      };
      return words(id, values);
    }
    return words('apiError.asSaid', { detail: error.message });
  }
  if (error instanceof Error) return words('apiError.unexpected', { detail: error.message });
  return words('apiError.unknown');
}
