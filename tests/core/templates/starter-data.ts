import { join } from 'node:path';
import { fileSource } from '../../../core/adapters/import/file-source';
import { loadEvents, loadProfiles } from '../../../core/import/importer';
import { simulate } from '../../../core/simulator/simulate';
import type { Starter } from '../../../core/templates/starters';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A starter simulated on its own sample data, over its own window, keeping every message. */
export async function simulateStarter(starter: Starter) {
  const { profiles } = await loadProfiles(fileSource(join(ROOT, starter.samples.profiles)));
  const { events } = await loadEvents(fileSource(join(ROOT, starter.samples.events)));
  const result = simulate({
    journey: starter.journey,
    profiles,
    events,
    start: Date.parse(starter.samples.start),
    end: Date.parse(starter.samples.end),
    keepMessages: Number.POSITIVE_INFINITY,
  });
  return { ...result, profiles, events };
}
