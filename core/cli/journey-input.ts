import { readFileSync, statSync } from 'node:fs';
import type { JsonPath, TextLocation } from '../model/json-text';
import type { Journey } from '../model/journey';
import { validateJourney } from '../validation/validate';
import type { Output } from './output';
import { parseJourneyFile, type FileProblem } from '../model/journey-file';
import { MAX_JOURNEY_FILE_CHARS, tooLargeMessage } from '../model/journey-limits';

export type JourneyInput =
  | {
      ok: true;
      file: string;
      journey: Journey;
      locate: (path: JsonPath) => TextLocation | undefined;
    }
  | { ok: false; file: string; problems: FileProblem[] };

/** Reads and parses a journey file; a missing or unreadable file is a problem, not a crash. */
export function readJourneyFile(file: string): JourneyInput {
  let text: string;
  try {
    // By its size on disk, before reading it: a file of a million steps would fill the memory.
    const size = statSync(file).size;
    if (size > MAX_JOURNEY_FILE_CHARS) {
      return {
        ok: false,
        file,
        problems: [
          {
            code: 'journey-too-large',
            message: tooLargeMessage(size),
            values: { size, limit: MAX_JOURNEY_FILE_CHARS },
          },
        ],
      };
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    return {
      ok: false,
      file,
      problems: [
        {
          code: 'invalid-json',
          message: `Cannot read the file: ${why}.`,
          values: { error: 'UnreadableFile', detail: why },
        },
      ],
    };
  }
  const parsed = parseJourneyFile(text);
  return parsed.ok
    ? { ok: true, file, journey: parsed.journey, locate: parsed.locate }
    : { ok: false, file, problems: parsed.problems };
}

/** `file:line:column`, or `file` alone when the place is unknown. */
export function place(file: string, location: Partial<TextLocation> | undefined): string {
  if (!location?.line) return file;
  return `${file}:${location.line}:${location.column ?? 1}`;
}

/**
 * Reads and checks every journey file, printing the problems of those that cannot run (each
 * with its place) and of two files with one journey id; undefined when any has one.
 */
export function readValidJourneys(files: readonly string[], out: Output): Journey[] | undefined {
  const journeys: Journey[] = [];
  let failed = false;
  for (const file of files) {
    const input = readJourneyFile(file);
    if (!input.ok) {
      for (const p of input.problems)
        out.error(`${place(file, p)}  error  ${p.code}  ${p.message}`);
      failed = true;
      continue;
    }
    const result = validateJourney(input.journey);
    if (!result.valid) {
      for (const i of result.issues.filter((i) => i.severity === 'error'))
        out.error(
          `${place(file, i.path ? input.locate(i.path) : undefined)}  error  ${i.code}${i.nodeId ? `  [${i.nodeId}]` : ''}  ${i.message}`,
        );
      failed = true;
      continue;
    }
    if (journeys.some((j) => j.id === input.journey.id)) {
      out.error(`${file}: another file given also has the journey id "${input.journey.id}"`);
      failed = true;
      continue;
    }
    journeys.push(input.journey);
  }
  return failed ? undefined : journeys;
}
