import { words, type Words } from '../i18n/words';

/** A problem of a journey file as the API carries it (core/model/journey-file.ts FileProblem). */
export interface FileProblemView {
  code: string;
  message: string;
  values?: Record<string, string | number>;
}

/** The JSON parser's error names (jsonc-parser's `ParseErrorCode`), as the reason words say them. */
const JSON_REASONS: Record<string, string> = {
  CommaExpected: 'comma',
  ColonExpected: 'colon',
  UnexpectedEndOfString: 'quote',
  PropertyNameExpected: 'name',
  ValueExpected: 'value',
  CloseBraceExpected: 'closeBrace',
  CloseBracketExpected: 'closeBracket',
  EndOfFileExpected: 'afterEnd',
  InvalidCommentToken: 'comment',
  UnexpectedEndOfComment: 'comment',
  InvalidNumberFormat: 'number',
  UnexpectedEndOfNumber: 'number',
  InvalidEscapeCharacter: 'escape',
  InvalidUnicode: 'escape',
  InvalidCharacter: 'character',
  InvalidSymbol: 'symbol',
};

/** What the structure words can say about a field (core/model/journey-file.ts issueValues). */
const STRUCTURE_PROBLEMS = new Set([
  'required',
  'text',
  'number',
  'list',
  'object',
  'empty',
  'long',
  'spaces',
  'hidden',
  'whole',
]);

/** Megabytes to one decimal, as the file's size is told. */
function megabytes(chars: number): number {
  const mb = chars / 1_000_000;
  return mb >= 100 ? Math.round(mb) : Number(mb.toFixed(1));
}

function text(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}

function number(value: string | number | undefined): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/**
 * Why a journey file cannot be imported or opened, in the chosen language, from the problem's
 * code and facts. A problem without facts (an older engine's) or with a code this version does
 * not know reads in the engine's own words.
 */
export function fileProblemWords(problem: FileProblemView): Words {
  const v = problem.values;
  const other = words('journeyFile.problem.other', { message: problem.message });
  if (!v) return other;
  switch (problem.code) {
    case 'journey-too-large':
      return words('journeyFile.problem.tooLarge', {
        size: megabytes(number(v.size)),
        limit: megabytes(number(v.limit)),
      });
    case 'nesting-too-deep':
      return words('journeyFile.problem.nestingTooDeep', { limit: number(v.limit) });
    case 'too-many-nodes':
      return words('journeyFile.problem.tooManySteps', {
        count: number(v.count),
        limit: number(v.limit),
      });
    case 'too-many-edges':
      return words('journeyFile.problem.tooManyConnections', {
        count: number(v.count),
        limit: number(v.limit),
      });
    case 'invalid-json':
      if (v.error === 'EmptyFile') return words('journeyFile.problem.empty');
      if (v.error === 'UnreadableFile')
        return words('journeyFile.problem.unreadable', { detail: text(v.detail) });
      return words('journeyFile.problem.invalidJson', {
        reason: JSON_REASONS[text(v.error)] ?? 'other',
        cutOff: v.cutOff === 'yes' ? 'yes' : 'no',
      });
    case 'not-a-journey':
      return words('journeyFile.problem.notAJourney', { expected: text(v.expected) });
    case 'unsupported-version':
      return v.missingFrom === undefined
        ? words('journeyFile.problem.newerVersion', {
            version: number(v.version),
            supported: number(v.supported),
          })
        : words('journeyFile.problem.cannotUpgrade', {
            version: number(v.version),
            supported: number(v.supported),
            from: number(v.missingFrom),
          });
    case 'invalid-structure': {
      const name = text(v.name);
      const problemWord = text(v.problem);
      return words('journeyFile.problem.invalidStructure', {
        where: text(v.where),
        index: number(v.index),
        named: name ? 'yes' : 'no',
        name,
        field: text(v.field) || 'journey',
        problem: STRUCTURE_PROBLEMS.has(problemWord) ? problemWord : 'other',
        max: number(v.max),
        character: text(v.character),
        detail: text(v.detail) || problem.message,
      });
    }
    case 'unknown-kind':
      return words('journeyFile.problem.unknownKind', {
        name: text(v.name) || text(v.nodeId),
        kind: text(v.kind),
        known: text(v.known),
      });
    case 'duplicate-node-id':
      return words('journeyFile.problem.duplicateId', {
        id: text(v.nodeId),
        firstLine: v.firstLine === undefined ? 'none' : text(v.firstLine),
      });
    default:
      return other;
  }
}
