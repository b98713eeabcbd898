import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Journey } from '../../core/model/journey';
import { parseJourneyFile } from '../../core/model/journey-file';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixtureText(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

export function fixtureFiles(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Parses a fixture journey, failing the test with the problems when it does not parse. */
export function loadJourney(name: string): Journey {
  const result = parseJourneyFile(fixtureText('journeys', name));
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.journey;
}
