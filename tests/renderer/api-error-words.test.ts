import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import {
  API_ERROR_REASONS,
  type ApiErrorReason,
  type ApiErrorValuesOf,
} from '../../core/api/api-error-reasons';
import {
  ApiError,
  parseAppInput,
  type ApiErrorValues,
  type ApiErrorWords,
} from '../../core/api/contract';
import { ENGINE_PROBLEM_CODES } from '../../core/app/engine-problem';
import { apiErrorWords } from '../../renderer/api/api-error-words';
import { CATALOGS } from '../../renderer/i18n/messages';
import { say } from '../../renderer/i18n/words';
import { REFUSALS } from '../core/app/refusals';
import { translator } from './translator';

const sv = translator('sv');
const en = translator('en');
const nb = translator('nb');

describe('a failed call in the marketer’s language', () => {
  it('words a refused call from its reason, not from the engine’s English', () => {
    let refused: unknown;
    try {
      parseAppInput('getJourney', { id: 42 });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ reason: 'invalid-input', field: 'id' });
    expect(say(sv, apiErrorWords(refused))).toBe(
      'Något i begäran stämde inte (id). Ladda om appen och försök igen.',
    );
  });

  it('keeps the engine’s words for a reason this version does not know, or none', () => {
    const newer = ApiError.fromBody({
      code: 'conflict',
      message: 'Newer words.',
      reason: 'from-a-newer-engine',
    });
    expect(say(sv, apiErrorWords(newer))).toBe('Newer words.');
    expect(say(sv, apiErrorWords(new ApiError('conflict', 'Plain.')))).toBe('Plain.');
    expect(say(sv, apiErrorWords(new TypeError('x is undefined')))).toBe(
      'Något gick fel: x is undefined',
    );
    expect(say(en, apiErrorWords('?'))).toBe('Something went wrong.');
  });

  it('words every reason in every language, from the facts its sites give', () => {
    for (const [reason, sample] of Object.entries(SAMPLES)) {
      for (const values of samplesOf(sample)) {
        const error = new ApiError('conflict', 'English.', 'field', {
          reason,
          values,
        } as ApiErrorWords);
        const said = apiErrorWords(error);
        const where = `${reason} ${JSON.stringify(values)}`;
        expect(said.id, where).not.toBe('apiError.asSaid');
        // Every argument of the sentence is a fact the error carries, in every language.
        for (const name of argumentNames(parse(CATALOGS.en[said.id])))
          expect(Object.keys(said.values ?? {}), `${where}: {${name}}`).toContain(name);
        for (const t of [en, sv, nb]) {
          const text = say(t, said);
          expect(text, where).not.toBe('English.');
          expect(text, where).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('has a sample for every reason and every engine start problem', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...API_ERROR_REASONS].sort());
    expect([...new Set(SAMPLES['engine-start'].map((v) => v.problem))].sort()).toEqual(
      [...ENGINE_PROBLEM_CODES].sort(),
    );
    for (const [reason, sample] of Object.entries(SAMPLES))
      if (!Array.isArray(sample))
        for (const [key, values] of Object.entries(sample))
          if (typeof values === 'object') expect(values, reason).toMatchObject({ problem: key });
  });

  it('keeps the engine’s words for a problem code this version does not know', () => {
    const newer = ApiError.fromBody({
      code: 'invalid-request',
      message: 'A newer problem.',
      reason: 'import-file',
      values: { problem: 'from-a-newer-importer', file: 'a.csv' },
    });
    expect(say(sv, apiErrorWords(newer))).toBe('A newer problem.');
  });
});

describe('the refusals of real calls (tests/core/app/refusals.test.ts), as the marketer reads them', () => {
  const read = (words: ApiErrorWords, t = sv) =>
    say(t, apiErrorWords(new ApiError('conflict', 'English.', undefined, words)));

  it('says in Swedish and Norwegian why a message cannot be retried', () => {
    expect(read(REFUSALS.retryDelivered)).toBe(
      'Bara ett misslyckat meddelande kan försökas igen; det här är redan levererat.',
    );
    expect(read(REFUSALS.retryDelivered, nb)).toBe(
      'Bare en mislykket melding kan prøves på nytt; denne er allerede levert.',
    );
  });

  it('names a journey deleted in another window', () => {
    expect(read(REFUSALS.deletedJourney)).toBe(
      'Resan ”welcome” finns inte längre i biblioteket. Den kan ha tagits bort i ett annat fönster.',
    );
  });

  it('gives an image’s size, sides and limits in the language’s numbers', () => {
    expect(read(REFUSALS.imageTooLarge)).toBe(
      '”sommar.jpg” är 3,4 MB; bilder upp till 2 MB kan användas i e-post. Spara den mindre (1200 pixlar bred, JPEG) och välj den igen.',
    );
    expect(read(REFUSALS.imageTooWide)).toMatch(
      /^”banner\.png” är 5\u00a0000 × 400 pixlar; bilder upp till 4\u00a0000 pixlar per sida /,
    );
  });

  it('names the data file and what is wrong with it', () => {
    expect(read(REFUSALS.missingColumn)).toBe(
      '”köp.csv” har ingen kolumn ”profile_id”. Välj vilken kolumn som ska användas när du importerar, eller lägg till den i filen.',
    );
    expect(read(REFUSALS.pictureAsData, nb)).toBe(
      '«kunder.png» er et bilde (PNG), ikke en kundeliste. Importer en CSV-, JSON-, Excel- (.xlsx) eller OpenDocument-fil (.ods) med én rad per kunde eller hendelse.',
    );
    expect(read(REFUSALS.nothingImported)).toBe(
      'Ingen rad i ”x.csv” kunde läsas (första problemet finns på rad 2), så inget importerades.',
    );
  });

  it('counts a journey’s problems and points to the problems list', () => {
    expect(read(REFUSALS.publishWithProblems)).toBe(
      'Resan har 2 problem att åtgärda innan den kan publiceras – se problemlistan.',
    );
    expect(read(REFUSALS.publishWithProblems, nb)).toBe(
      'Reisen har 2 problemer som må rettes før den kan publiseres – se problemlisten.',
    );
    expect(read(REFUSALS.publishWithProblems, en)).toBe(
      'The journey has 2 problems to fix before it can be published – see the problems list.',
    );
  });

  it('words a journey’s state, and names what another window saved', () => {
    expect(read(REFUSALS.pauseNotStarted)).toBe(
      'Bara en resa som körs kan pausas; den här är publicerad men inte startad.',
    );
    expect(read(REFUSALS.pauseNotStarted, nb)).toBe(
      'Bare en reise som kjører, kan settes på pause; denne er publisert, men ikke startet.',
    );
    expect(read(REFUSALS.saveConflict)).toBe(
      '”Välkommen” sparades i ett annat fönster efter att du öppnade den (den är nu på revision 2). Ladda om den, eller spara din version ovanpå.',
    );
    expect(read(REFUSALS.duplicateStep)).toBe(
      'Resan kunde inte sparas: två steg har id:t ”done”. Varje steg behöver ett eget id.',
    );
  });
});

/** The names of the arguments a message uses. */
function argumentNames(elements: readonly MessageFormatElement[], into = new Set<string>()) {
  for (const element of elements) {
    if (
      element.type === TYPE.argument ||
      element.type === TYPE.number ||
      element.type === TYPE.date ||
      element.type === TYPE.time
    )
      into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentNames(option.value, into);
    }
    if (element.type === TYPE.tag) argumentNames(element.children, into);
  }
  return into;
}

/** The members of a problem union that a problem code `K` belongs to. */
type OfProblem<V, K> = V extends { problem: infer Q } ? (K extends Q ? V : never) : never;

/**
 * Facts each reason takes, as its sites give them, typed by the reason: a sample missing a fact,
 * or a problem code without a sample, does not compile. Engine start problems (any code of
 * core/app/engine-problem.ts) are listed.
 */
type Samples = {
  [R in ApiErrorReason]: ApiErrorValuesOf<R> extends { problem: infer P extends string }
    ? string extends P
      ? readonly ApiErrorValuesOf<R>[]
      : { readonly [K in P]: OfProblem<ApiErrorValuesOf<R>, K> }
    : ApiErrorValuesOf<R>;
};

const SAMPLES: Samples = {
  'invalid-input': { method: 'getJourney' },
  'unknown-method': { method: 'doMagic' },
  'unknown-channel': { channel: 'sneaky' },
  'untrusted-page': {},
  'token-refused': {},
  'request-malformed': {},
  'request-too-large': { limit: 320 },
  'journey-not-found': { journeyId: 'welcome' },
  'version-not-found': { journeyId: 'welcome', version: 3 },
  'template-not-found': { templateId: 'cart' },
  'save-conflict': { name: 'Welcome', revision: 7 },
  'journey-exists': { journeyId: 'welcome' },
  'journey-file': {
    'invalid-json': { problem: 'invalid-json' },
    'not-a-journey': { problem: 'not-a-journey' },
    'unsupported-version': { problem: 'unsupported-version' },
    'unknown-kind': { problem: 'unknown-kind', nodeId: 'x', kind: 'teleport' },
    'invalid-structure': { problem: 'invalid-structure' },
    'duplicate-node-id': { problem: 'duplicate-node-id', nodeId: 'x' },
    'journey-too-large': { problem: 'journey-too-large' },
    'nesting-too-deep': { problem: 'nesting-too-deep' },
    'too-many-nodes': { problem: 'too-many-nodes', count: 2500, max: 2000 },
    'too-many-edges': { problem: 'too-many-edges', count: 12000, max: 10000 },
  },
  'dataset-not-found': { datasetId: 'ds-1' },
  'dataset-wrong-kind': { name: 'Orders', holds: 'events', wanted: 'profiles' },
  'import-file': {
    'unreadable-file': { problem: 'unreadable-file', file: 'a.csv' },
    'empty-file': { problem: 'empty-file', file: 'a.csv' },
    'bad-header': { problem: 'bad-header', file: 'a.csv' },
    'missing-column': { problem: 'missing-column', file: 'a.csv', column: 'profile_id' },
    'duplicate-column': { problem: 'duplicate-column', file: 'a.csv', column: 'email' },
    'bad-mapping': { problem: 'bad-mapping', file: 'a.csv' },
    'not-data': { problem: 'not-data', file: 'a.png', kind: 'png' },
    'old-spreadsheet': { problem: 'old-spreadsheet', file: 'a.xls' },
    'spreadsheet-too-big': { problem: 'spreadsheet-too-big', file: 'a.xlsx' },
    'bad-spreadsheet': { problem: 'bad-spreadsheet', file: 'a.xlsx' },
    'missing-sheet': { problem: 'missing-sheet', file: 'a.xlsx', sheet: 'Orders' },
  },
  'nothing-imported': { file: 'a.csv', line: 2 },
  'data-not-chosen': {},
  'end-and-days': {},
  'journey-has-problems': { count: 2, purpose: 'publish' },
  'simulation-input': {
    'no-window': { problem: 'no-window' },
    'window-reversed': { problem: 'window-reversed' },
    'no-journeys': { problem: 'no-journeys' },
    'duplicate-journey-id': { problem: 'duplicate-journey-id', journeyId: 'welcome' },
    'auto-winner-together': { problem: 'auto-winner-together', name: 'Welcome' },
    'runs-out-of-range': { problem: 'runs-out-of-range', runs: 0, max: 1000 },
    republish: { problem: 'republish' },
  },
  'simulation-running': { runId: 'run-1' },
  'simulation-stopped': { purpose: 'analysis' },
  'run-not-found': { runId: 'run-1' },
  'run-is-replay': {},
  'simulate-first': {},
  'migration-plan': { count: 1 },
  'migration-not-running': { state: 'paused' },
  'publish-first': {},
  'state-change-refused': { state: 'stopped', current: 'unpublished' },
  'message-not-found': { messageId: 12 },
  'message-not-retriable': { status: 'delivered' },
  'engine-stopped': {},
  'engine-start': [
    { problem: 'engine-busy', pid: 4242 },
    { problem: 'engine-busy' },
    { problem: 'database-busy', file: 'library.db', detail: 'SQLITE_BUSY' },
    { problem: 'database-unreadable', file: 'library.db', detail: 'SQLITE_NOTADB' },
    { problem: 'event-api-port', port: 8787, detail: 'EADDRINUSE' },
    { problem: 'start-failed', detail: 'out of memory' },
  ],
  'engine-not-running': {},
  'engine-starting': {},
  'engine-stopping': {},
  'engine-calls-waiting': { limit: 64 },
  'engine-timeout': { seconds: 60 },
  'engine-unreachable': {},
  'engine-answer-unreadable': {},
  'engine-crashed': {},
  'engine-keeps-stopping': { exitCode: 134 },
  'database-unopened': { detail: 'file is not a database' },
  'password-both': {},
  'host-invalid': { host: 'smtp example' },
  'mailbox-user-missing': {},
  'backup-not-found': { name: 'library-2026-01-01.db' },
  'engine-is-server': {},
  'server-unreachable': { host: 'run.example.com' },
  'server-token-refused': { host: 'run.example.com' },
  'server-answer-unknown': { host: 'run.example.com', status: 502 },
  'server-busy': {},
  'logo-missing': {},
  'image-refused': {
    'image-too-large': { problem: 'image-too-large', name: 'a.jpg', size: 3.4, limit: 2 },
    'image-too-wide': {
      problem: 'image-too-wide',
      name: 'a.png',
      width: 5000,
      height: 200,
      max: 4000,
    },
    'image-unreadable': { problem: 'image-unreadable', name: 'a.png' },
    'image-empty': { problem: 'image-empty', name: 'a.png' },
  },
  'image-incomplete': { name: 'a.png' },
  'image-not-found': { imageId: 'img-1' },
  'test-email-incomplete': {},
  'file-too-large': { file: 'big.csv', size: 600, limit: 500 },
  'file-unreadable': { file: 'a.csv' },
  'workbook-closed': {},
  'file-not-saved': { file: 'a.json' },
  'recent-file-gone': {},
  'recent-file-moved': { file: 'a.json' },
  'recent-files-desktop-only': {},
  'internal-failure': {},
  'internal-failure-detail': { detail: 'disk I/O error' },
};

/** Each sample of a reason: one, one per problem code, or the listed ones. */
function samplesOf(sample: Samples[ApiErrorReason]): readonly ApiErrorValues[] {
  if (Array.isArray(sample)) return sample as ApiErrorValues[];
  const values = Object.values(sample) as unknown[];
  return values.length > 0 && values.every((v) => typeof v === 'object')
    ? (values as ApiErrorValues[])
    : [sample as ApiErrorValues];
}
