import type { z } from 'zod';
import type { Journey } from '../model/journey';
import {
  isRecord,
  locationAt,
  nestingBeyond,
  parseJsonText,
  type JsonPath,
  type TextLocation,
} from '../model/json-text';
import { MAX_DOCUMENT_DEPTH } from '../model/journey-limits';
import {
  CASES_FORMAT,
  CASES_VERSION,
  MAX_CASES,
  MAX_CASES_FILE_CHARS,
  MAX_EVENTS_PER_CASE,
  casesFileSchema,
} from './cases-schema';
import type { CasesProblem, CasesRead, Problem } from './case-types';
import { inFileOrder, resolveCases } from './resolve-cases';

/** `events[2].at` */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
    .join('');
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined)
    return 'is required';
  return issue.message;
}

/** Counts that decide whether the file is read at all: cases, and events per case. */
function countProblems(document: Record<string, unknown>, problem: Problem): CasesProblem[] {
  const { cases } = document;
  if (!Array.isArray(cases)) return [];
  if (cases.length > MAX_CASES)
    return [
      problem(
        'cases-too-many',
        ['cases'],
        `This file has ${cases.length} cases; a cases file has at most ${MAX_CASES}. Split it into several files.`,
      ),
    ];
  return cases.flatMap((c, i) =>
    isRecord(c) && Array.isArray(c.events) && c.events.length > MAX_EVENTS_PER_CASE
      ? [
          problem(
            'case-too-many-events',
            ['cases', i, 'events'],
            `This case has ${c.events.length} events; a case has at most ${MAX_EVENTS_PER_CASE}. Keep the events the journey reacts to.`,
          ),
        ]
      : [],
  );
}

/**
 * Reads a cases file for `journey`: every problem with its code, line, case and field, or the
 * cases with their times read and the steps they name found in the journey (by id, else by
 * title). Nothing runs here.
 */
export function readCasesFile(text: string, journey: Journey): CasesRead {
  if (text.length > MAX_CASES_FILE_CHARS)
    return {
      ok: false,
      problems: [
        {
          code: 'cases-too-large',
          message: `This cases file has ${text.length.toLocaleString('en-US')} characters; a cases file has at most ${MAX_CASES_FILE_CHARS.toLocaleString('en-US')}.`,
        },
      ],
    };
  const deep = nestingBeyond(text, MAX_DOCUMENT_DEPTH);
  if (deep !== undefined)
    return {
      ok: false,
      problems: [
        {
          code: 'cases-invalid-json',
          message: `The file is nested more than ${MAX_DOCUMENT_DEPTH} levels deep; no cases file needs that many.`,
          ...locationAt(text, deep),
        },
      ],
    };
  const json = parseJsonText(text);
  if (!json.ok)
    return {
      ok: false,
      problems: [
        {
          code: 'cases-invalid-json',
          message: `Not valid JSON: ${json.message}.`,
          ...json.location,
        },
      ],
    };
  const document = json.value;
  const at = (path: JsonPath): Partial<TextLocation> => json.locate(path) ?? {};
  const caseName = (path: readonly PropertyKey[]): string | undefined => {
    if (path[0] !== 'cases' || typeof path[1] !== 'number') return undefined;
    const found: unknown =
      isRecord(document) && Array.isArray(document.cases) ? document.cases[path[1]] : undefined;
    return isRecord(found) && typeof found.name === 'string' && found.name.trim()
      ? found.name
      : `case ${path[1] + 1}`;
  };
  const problem: Problem = (code, path, message) => {
    const name = caseName(path);
    const inside = name === undefined ? path : path.slice(2);
    return {
      code,
      message,
      ...at(path),
      ...(name !== undefined && { caseName: name }),
      ...(inside.length > 0 && { field: fieldName(inside) }),
    };
  };

  if (!isRecord(document) || document.format !== CASES_FORMAT)
    return {
      ok: false,
      problems: [
        problem(
          'cases-not-cases',
          ['format'],
          `This is not a journey tests file: "format" must be "${CASES_FORMAT}".`,
        ),
      ],
    };
  if (document.version !== CASES_VERSION)
    return {
      ok: false,
      problems: [
        problem(
          'cases-unsupported-version',
          ['version'],
          typeof document.version === 'number' && document.version > CASES_VERSION
            ? `This file was written for cases format version ${document.version}; this app reads version ${CASES_VERSION}. Update the app.`
            : `"version" must be ${CASES_VERSION}.`,
        ),
      ],
    };
  const counted = countProblems(document, problem);
  if (counted.length) return { ok: false, problems: counted };
  const parsed = casesFileSchema.safeParse(document);
  if (!parsed.success)
    return {
      ok: false,
      problems: inFileOrder(
        parsed.error.issues.map((issue) =>
          problem(
            'case-invalid',
            issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
            issueMessage(issue),
          ),
        ),
      ),
    };
  return resolveCases(parsed.data, journey, problem);
}
