import { describe, expect, it } from 'vitest';
import { parseJourneyFile } from '../../../../core/model/journey-file';
import { JOURNEY_CHECKS } from '../../../../core/validation/checks/journey-checks';
import { validateJourney } from '../../../../core/validation/validate';
import { chain, edge, journey, node } from '../../build';
import { fixtureFiles, fixtureText } from '../../fixtures';
import { mail, trigger, waitFor } from './helpers';

const CHECK_CODES = new Set<string>(JOURNEY_CHECKS.map((c) => c.code));
const profiles = [{ attributes: { id: 'p1' } }];
const events = [{ name: 'view' }];

function checkWarnings(j: Parameters<typeof validateJourney>[0]) {
  return validateJourney(j, undefined, { profiles, events }).issues.filter((i) =>
    CHECK_CODES.has(i.code),
  );
}

describe('journey checks on journeys still being drawn', () => {
  it('never fail on a broken journey, and only ever warn', () => {
    const broken = [
      journey([mail('m')], []),
      journey(
        [trigger(), node('t2', 'trigger', {}), mail('m')],
        [edge('start', 'm'), edge('t2', 'm')],
      ),
      journey([node('start', 'trigger', { on: 'event' }), mail('m')], chain('start', 'm')),
      journey([trigger(), node('m', 'message', {})], chain('start', 'm')),
      journey([trigger(), node('ab', 'split', { variants: 'A/B' })], chain('start', 'ab')),
      journey(
        [trigger(), node('c', 'condition', { all: 'x' }), mail('m')],
        [edge('start', 'c'), edge('c', 'm', 'yes')],
      ),
      journey([trigger(), mail('m')], [edge('start', 'ghost'), edge('ghost', 'm')]),
      journey([trigger(), mail('m')], chain('start', 'm'), {
        goal: 'purchase',
        quietHours: 'night',
      } as never),
    ];
    for (const j of broken) {
      for (const found of checkWarnings(j)) expect(found.severity).toBe('warning');
    }
    for (const name of fixtureFiles('invalid')) {
      const parsed = parseJourneyFile(fixtureText('invalid', name));
      if (parsed.ok) expect(() => checkWarnings(parsed.journey)).not.toThrow();
    }
  });

  it('settle on loops: facts that a loop keeps changing become "any"', () => {
    const loop = journey(
      [trigger(), waitFor('w', 'PT7H'), mail('m')],
      [...chain('start', 'w', 'm'), edge('m', 'w')],
    );
    expect(
      checkWarnings(loop)
        .map((i) => `${i.code}@${i.nodeId ?? ''}`)
        .sort(),
    ).toEqual(['frequency-cap-missing@', 'message-in-loop@m', 'quiet-hours-missing@m']);
  });
});
