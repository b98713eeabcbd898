import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../../core/adapters/import/file-source';
import { loadEvents, loadProfiles } from '../../../core/import/importer';
import { templateSummarySchema } from '../../../core/api/contract';
import { parseJourneyFile, serializeJourney } from '../../../core/model/journey-file';
import {
  STARTERS,
  findStarter,
  journeyFromStarter,
  listTemplates,
  simulateCommandLine,
} from '../../../core/templates/starters';
import { validateJourney } from '../../../core/validation/validate';
import { ROOT } from './starter-data';

const ids = STARTERS.map((s) => s.id);

describe('the starter registry', () => {
  it('offers the seven starters of the field, one per category', () => {
    expect(ids).toEqual([
      'abandoned-cart',
      'welcome-nurture',
      'browse-abandonment',
      'post-purchase',
      'loyalty-vip',
      'birthday',
      'win-back',
    ]);
    expect(new Set(STARTERS.map((s) => s.category)).size).toBe(7);
    expect(findStarter('win-back')?.name).toBe('Win-back of inactive customers');
    expect(findStarter('nope')).toBeUndefined();
  });

  it('lists them for the library in the shape of the API contract', () => {
    const list = listTemplates();
    expect(list).toHaveLength(7);
    for (const summary of list)
      expect(templateSummarySchema.strict().parse(summary)).toEqual(summary);
  });

  it('makes a new journey as a copy under its own id and name', () => {
    const starter = findStarter('birthday')!;
    const copy = journeyFromStarter(starter, { id: 'spring-birthday', name: 'Spring birthdays' });
    expect(copy.id).toBe('spring-birthday');
    expect(copy.name).toBe('Spring birthdays');
    expect(copy.nodes).toEqual(starter.journey.nodes);
    copy.nodes[0]!.config.time = '10:00';
    expect(starter.journey.nodes[0]!.config.time).toBe('09:00');
  });
});

describe.each(STARTERS.map((s) => [s.id, s] as const))('starter %s', (id, starter) => {
  it('is a canonical journey file named by its id, the same as the registry holds', () => {
    expect(starter.file).toBe(`assets/templates/${id}.json`);
    const text = readFileSync(join(ROOT, starter.file), 'utf8');
    const parsed = parseJourneyFile(text);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join(' '));
    expect(parsed.journey.id).toBe(id);
    expect(serializeJourney(parsed.journey)).toBe(text);
    expect(parsed.journey).toEqual(starter.journey);
    expect(starter.name).toBe(parsed.journey.name);
    expect(starter.description.length).toBeGreaterThan(40);
  });

  it('is valid with no warnings, with and without its sample data', async () => {
    const { profiles } = await loadProfiles(fileSource(join(ROOT, starter.samples.profiles)));
    const { events } = await loadEvents(fileSource(join(ROOT, starter.samples.events)));
    for (const context of [{}, { profiles, events }]) {
      const result = validateJourney(starter.journey, undefined, context);
      expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    }
  });

  it('follows the house rules: quiet hours, a frequency cap, an unsubscribe link in every email', () => {
    const { settings, nodes } = starter.journey;
    expect(settings.quietHours).toEqual({ start: '21:00', end: '08:00' });
    expect(settings.frequencyCap).toBeDefined();
    expect(settings.timezone).toBe('Europe/Stockholm');
    for (const node of nodes.filter((n) => n.kind === 'message')) {
      expect(node.config.channel).toBe('email');
      expect(node.config.html).toContain('<a href="{{ unsubscribe_url }}">Unsubscribe</a>');
      expect(node.config.text).toContain('{{ unsubscribe_url }}');
      expect(node.config.from).toBe('Nordic Shop <hello@example.com>');
    }
  });

  it('has its sample data where the registry says, and a command that uses it', () => {
    expect(existsSync(join(ROOT, starter.samples.profiles))).toBe(true);
    expect(existsSync(join(ROOT, starter.samples.events))).toBe(true);
    expect(Date.parse(starter.samples.start)).toBeLessThan(Date.parse(starter.samples.end));
    expect(simulateCommandLine(starter)).toBe(
      `npm run cli -- simulate assets/templates/${id}.json --profiles assets/samples/${id}/profiles.csv --events assets/samples/${id}/events.csv --start ${starter.samples.start} --end ${starter.samples.end}`,
    );
  });
});
