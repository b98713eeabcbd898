import { ApiError } from '../api/contract';
import type { ImageProblem } from '../email-design/images';
import { importFileValues, type ImportError } from '../import/import-problems';

/**
 * The errors several handlers refuse with, each with its reason and facts, so every handler
 * says a missing journey (a version, a data set…) in the same words in every language.
 */

/** A journey that is not in the library: never there, or deleted in another window. */
export function journeyNotFound(
  journeyId: string,
  field = 'journeyId',
  message = `There is no journey "${journeyId}".`,
): ApiError {
  return new ApiError('not-found', message, field, {
    reason: 'journey-not-found',
    values: { journeyId },
  });
}

/** A version of a journey that was never published. */
export function versionNotFound(journeyId: string, version: number, field = 'version'): ApiError {
  return new ApiError(
    'not-found',
    `Journey "${journeyId}" has no published version ${version}.`,
    field,
    { reason: 'version-not-found', values: { journeyId, version } },
  );
}

export function datasetNotFound(datasetId: string, field: string): ApiError {
  return new ApiError('not-found', `There is no data set "${datasetId}".`, field, {
    reason: 'dataset-not-found',
    values: { datasetId },
  });
}

export function runNotFound(runId: string, field: string): ApiError {
  return new ApiError('not-found', `There is no simulation run "${runId}".`, field, {
    reason: 'run-not-found',
    values: { runId },
  });
}

export function messageNotFound(messageId: number): ApiError {
  return new ApiError('not-found', `There is no message ${messageId}.`, 'id', {
    reason: 'message-not-found',
    values: { messageId },
  });
}

/** The app is closing: its engine takes no more work. */
export function engineStopped(): ApiError {
  return new ApiError('conflict', 'The engine has stopped.', undefined, {
    reason: 'engine-stopped',
  });
}

/** A password both given and to be forgotten (the mail server's, the mailbox's). */
export function passwordBoth(): ApiError {
  return new ApiError(
    'invalid-request',
    'Give a new password or forget the kept one, not both.',
    'clearPassword',
    { reason: 'password-both' },
  );
}

/** A data file that cannot be imported at all, with its problem's code and facts. */
export function importRefused(error: ImportError, file: string, field?: string): ApiError {
  return new ApiError('invalid-request', error.message, field, {
    reason: 'import-file',
    values: importFileValues(error, file),
  });
}

/** Another sheet asked of a workbook this window no longer holds (`openSheet`). */
export function workbookClosed(): ApiError {
  return new ApiError('not-found', 'No workbook is open to choose a sheet from.', 'sheet', {
    reason: 'workbook-closed',
  });
}

/** A file the image library does not take, with its problem's code and facts. */
export function imageRefused(problem: ImageProblem): ApiError {
  return new ApiError('invalid-request', problem.message, 'data', {
    reason: 'image-refused',
    values: problem.values,
  });
}
