import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../core/adapters/import/file-source';
import { loadEvents, loadProfiles } from '../../../core/import/importer';
import { isValidTimeZone } from '../../../core/model/local-time';
import { STARTERS } from '../../../core/templates/starters';
import { allSamples } from '../../../scripts/samples/all-samples';
import { ROOT } from './starter-data';

describe('starter sample data', () => {
  it('is exactly what the seeded generator writes (node scripts/run-ts.mjs scripts/generate-samples.ts)', () => {
    const files = allSamples();
    expect(files.size).toBe(STARTERS.length * 2);
    for (const [path, text] of files) expect(readFileSync(join(ROOT, path), 'utf8')).toBe(text);
  });

  it.each(STARTERS.map((s) => [s.id, s] as const))(
    '%s: a few hundred realistic profiles and events that read without a bad row',
    async (_id, starter) => {
      const { profiles, summary } = await loadProfiles(
        fileSource(join(ROOT, starter.samples.profiles)),
      );
      expect(summary.rejected).toBe(0);
      expect(profiles.length).toBeGreaterThanOrEqual(300);
      expect(profiles.length).toBeLessThanOrEqual(600);
      for (const { attributes } of profiles) {
        if (attributes.email !== undefined)
          expect(attributes.email).toMatch(/^[a-z.0-9]+@example\.com$/);
        expect(isValidTimeZone(attributes.timezone as string)).toBe(true);
        expect(typeof attributes.unsubscribed).toBe('boolean');
      }
      const loaded = await loadEvents(fileSource(join(ROOT, starter.samples.events)));
      expect(loaded.summary.rejected).toBe(0);
      const known = new Set(profiles.map((p) => p.id));
      const start = Date.parse(starter.samples.start);
      const end = Date.parse(starter.samples.end);
      const inWindow = loaded.events.filter((e) => e.time >= start && e.time <= end);
      expect(inWindow.length).toBeGreaterThan(30);
      for (const event of loaded.events) expect(known.has(event.profileId)).toBe(true);
      // Spread over the window, not bunched at its start.
      const lastWeek = inWindow.filter((e) => e.time > end - 14 * 86_400_000);
      expect(lastWeek.length).toBeGreaterThan(0);
    },
  );
});
