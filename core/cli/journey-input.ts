import { readFileSync, statSync } from 'node:fs';
import type { JsonPath, TextLocation } from '../model/json-text';
import type { Journey } from '../model/journey';
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
        problems: [{ code: 'journey-too-large', message: tooLargeMessage(size) }],
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
      problems: [{ code: 'invalid-json', message: `Cannot read the file: ${why}.` }],
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
