import { describe, expect, it } from 'vitest';
import type { Journey } from '../../../core/model/journey';
import { JOURNEY_CHECKS } from '../../../core/validation/checks/journey-checks';
import { validateJourney } from '../../../core/validation/validate';
import { chain, edge, journey, node } from '../build';
import { fixtureFiles, loadJourney } from '../fixtures';

const trigger = (id = 'start') => node(id, 'trigger', { on: 'event', event: 'cart' });
const wait = (id: string, duration = 'PT1H') => node(id, 'wait', { mode: 'duration', duration });
const sms = (id: string) => node(id, 'message', { channel: 'sms', text: 'Hi' });
const bought = (id = 'bought') =>
  node(id, 'condition', { event: 'purchase', op: 'performed', since: 'entry' });

// The journey checks (best-practice warnings) have their own tests in checks/.
const CHECK_CODES = new Set<string>(JOURNEY_CHECKS.map((c) => c.code));

/** The codes of the structural rules' errors and warnings (not notes), with the node they concern. */
function findings(j: Journey): string[] {
  return validateJourney(j)
    .issues.filter((i) => i.severity !== 'info' && !CHECK_CODES.has(i.code))
    .map((i) => `${i.code}${i.nodeId ? `@${i.nodeId}` : ''}`);
}

const good = journey(
  [trigger(), wait('w'), bought(), sms('m')],
  [...chain('start', 'w', 'bought'), edge('bought', 'm', 'no')],
);

describe('a valid journey', () => {
  it('has no errors, and notes where profiles end', () => {
    const result = validateJourney(good);
    expect(result.valid).toBe(true);
    expect(result.errors).toBe(0);
    const rules = result.issues.filter((i) => !CHECK_CODES.has(i.code));
    expect(rules.map((i) => `${i.code}@${i.nodeId}:${i.port}`)).toEqual([
      'port-open@bought:yes',
      'port-open@m:next',
    ]);
  });

  it.each(fixtureFiles('journeys'))('fixture %s is valid', (name) => {
    expect(findings(loadJourney(name))).toEqual([]);
  });
});

describe('each rule, broken and passing', () => {
  it('trigger: exactly one', () => {
    // Without a trigger, reachability has nothing to start from: one finding, not one per node.
    expect(findings(journey([wait('w')], []))).toEqual(['trigger-missing']);
    expect(
      findings(journey([trigger('a'), trigger('b'), sms('m')], [edge('a', 'm'), edge('b', 'm')])),
    ).toEqual(['trigger-multiple@b']);
    expect(findings(journey([trigger('a'), sms('m')], [edge('a', 'm')]))).toEqual([]);
  });

  it('trigger: nothing leads back into it', () => {
    expect(
      findings(journey([trigger(), wait('w')], [edge('start', 'w'), edge('w', 'start')])),
    ).toEqual(['edge-into-trigger@start']);
  });

  it('edges: to and from existing nodes', () => {
    expect(
      findings(journey([trigger(), sms('m')], [edge('start', 'm'), edge('m', 'ghost')])),
    ).toEqual(['edge-unknown-node@m']);
    expect(
      findings(journey([trigger(), sms('m')], [edge('start', 'm'), edge('ghost', 'm')])),
    ).toEqual(['edge-unknown-node']);
  });

  it('edges: from a port the node has', () => {
    expect(
      findings(
        journey(
          [trigger(), bought(), sms('m')],
          [edge('start', 'bought'), edge('bought', 'm', 'maybe')],
        ),
      ),
    ).toEqual(['edge-unknown-port@bought']);
    // A condition has no `next`: the port must be named.
    const unnamed = validateJourney(
      journey([trigger(), bought(), sms('m')], [edge('start', 'bought'), edge('bought', 'm')]),
    );
    expect(unnamed.issues.find((i) => i.code === 'edge-unknown-port')?.message).toBe(
      'The connection from "bought" to "m" needs a port: one of yes, no.',
    );
    const fromExit = validateJourney(
      journey([trigger(), node('x', 'exit'), sms('m')], [edge('start', 'x'), edge('x', 'm')]),
    );
    expect(fromExit.issues.find((i) => i.code === 'edge-unknown-port')?.message).toMatch(
      /nothing can follow it/,
    );
  });

  it('edges: one connection per port', () => {
    expect(
      findings(journey([trigger(), sms('a'), sms('b')], [edge('start', 'a'), edge('start', 'b')])),
    ).toEqual(['edge-duplicate@start']);
    expect(
      findings(journey([trigger(), sms('a'), sms('b')], [edge('start', 'a'), edge('a', 'b')])),
    ).toEqual([]);
  });

  it('reachable: every node from the trigger', () => {
    expect(findings(journey([trigger(), sms('a'), sms('b')], [edge('start', 'a')]))).toEqual([
      'node-unreachable@b',
    ]);
  });

  it('cycles: every loop passes through a wait', () => {
    const loop = journey(
      [trigger(), bought(), node('score', 'update', { increment: { score: 1 } })],
      [edge('start', 'bought'), edge('bought', 'score', 'no'), edge('score', 'bought')],
    );
    const result = validateJourney(loop);
    expect(findings(loop)).toEqual(['cycle-without-wait@bought']);
    expect(result.issues[0]?.message).toBe(
      '"bought", "score" form a loop without a wait, so a profile would go round it forever in one instant. Add a wait to the loop.',
    );
    const withWait = journey(
      [trigger(), bought(), node('score', 'update', { increment: { score: 1 } }), wait('w', 'P1D')],
      [
        edge('start', 'bought'),
        edge('bought', 'score', 'no'),
        edge('score', 'w'),
        edge('w', 'bought'),
      ],
    );
    expect(findings(withWait)).toEqual([]);
  });

  it('cycles: a wait looping into itself is fine, a message is not', () => {
    const selfWait = journey(
      [trigger(), node('w', 'wait', { mode: 'event', event: 'x', timeout: 'P1D' })],
      [edge('start', 'w'), edge('w', 'w', 'timeout')],
    );
    expect(findings(selfWait)).toEqual([]);
    expect(findings(journey([trigger(), sms('m')], [edge('start', 'm'), edge('m', 'm')]))).toEqual([
      'cycle-without-wait@m',
    ]);
  });

  it('node config: schema and kind checks, placed at the field', () => {
    const result = validateJourney(journey([trigger(), wait('w', 'soon')], [edge('start', 'w')]));
    expect(result.issues[0]).toMatchObject({
      code: 'duration-invalid',
      nodeId: 'w',
      path: ['nodes', 1, 'config', 'duration'],
    });
    const missing = validateJourney(
      journey(
        [trigger(), node('m', 'message', { channel: 'email', from: 'a@b.se', html: 'x' })],
        [edge('start', 'm')],
      ),
    );
    expect(missing.issues[0]).toMatchObject({
      code: 'config-invalid',
      nodeId: 'm',
      path: ['nodes', 1, 'config', 'subject'],
    });
  });

  it('settings: well-formed', () => {
    const settings = {
      reentry: 'sometimes',
      goal: { event: 'purchase', within: '2 weeks' },
      quietHours: { start: '22:00', end: '8:00' },
      frequencyCap: { max: 0, per: 'P1D' },
      timezone: 'Mars/Olympus',
    } as unknown as Journey['settings'];
    const result = validateJourney({ ...good, settings });
    expect(
      result.issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.code}:${i.path?.join('.')}`),
    ).toEqual([
      'settings-invalid:settings.reentry',
      'duration-invalid:settings.goal.within',
      'time-invalid:settings.quietHours.end',
      'settings-invalid:settings.frequencyCap.max',
      'timezone-invalid:settings.timezone',
    ]);
  });
});
