import type { ApiErrorWords } from '../../../core/api/contract';

/**
 * What real calls are refused with (tests/core/app/refusals.test.ts checks the handlers give
 * exactly this), so the app's words for them can be checked in every language
 * (tests/renderer/api-error-words.test.ts) without starting an engine there.
 */
export const REFUSALS = {
  /** Retrying a message the embedded outbox delivered. */
  retryDelivered: { reason: 'message-not-retriable', values: { status: 'delivered' } },
  /** Opening (or publishing) the journey `welcome` after it was deleted. */
  deletedJourney: { reason: 'journey-not-found', values: { journeyId: 'welcome' } },
  /** A 3.4 MB picture for the image library. */
  imageTooLarge: {
    reason: 'image-refused',
    values: { problem: 'image-too-large', name: 'sommar.jpg', size: 3.4, limit: 2 },
  },
  /** A 5000 × 400 picture for the image library. */
  imageTooWide: {
    reason: 'image-refused',
    values: { problem: 'image-too-wide', name: 'banner.png', width: 5000, height: 400, max: 4000 },
  },
  /** Events from a CSV file without a profile id column. */
  missingColumn: {
    reason: 'import-file',
    values: { problem: 'missing-column', file: 'köp.csv', column: 'profile_id' },
  },
  /** A PNG picked as customer data. */
  pictureAsData: {
    reason: 'import-file',
    values: { problem: 'not-data', file: 'kunder.png', kind: 'png' },
  },
  /** Events whose only row has no time that can be read. */
  nothingImported: { reason: 'nothing-imported', values: { file: 'x.csv', line: 2 } },
  /** Publishing a journey with an email lacking its body and a wait of no duration. */
  publishWithProblems: {
    reason: 'journey-has-problems',
    values: { count: 2, purpose: 'publish' },
  },
  /** Pausing a journey that is published but was never started. */
  pauseNotStarted: {
    reason: 'state-change-refused',
    values: { state: 'paused', current: 'ready' },
  },
  /** Saving a journey opened at revision 1 after another window saved revision 2. */
  saveConflict: { reason: 'save-conflict', values: { name: 'Välkommen', revision: 2 } },
  /** Storing a journey with two steps called `done`. */
  duplicateStep: {
    reason: 'journey-file',
    values: { problem: 'duplicate-node-id', nodeId: 'done' },
  },
} satisfies Record<string, ApiErrorWords>;
