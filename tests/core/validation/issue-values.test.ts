import { describe, expect, it } from 'vitest';
import type { JourneyNode } from '../../../core/model/journey';
import { issueWordingId, type ValidationIssue } from '../../../core/validation/catalogue';
import { validateJourney } from '../../../core/validation/validate';
import { chain, edge, journey, node } from '../build';
import { calm, mail, trigger, waitEvent, waitFor } from './checks/helpers';

const labelled = (n: JourneyNode, label: string): JourneyNode => ({ ...n, label });
const issuesOf = (j: ReturnType<typeof journey>, code: string): ValidationIssue[] =>
  validateJourney(j, undefined, {
    profiles: [{ attributes: { first_name: 'Anna' } }],
  }).issues.filter((i) => i.code === code);

describe('issues carry their code and the values to word them in any language', () => {
  it('names the step by id and by the title the marketer gave it', () => {
    const lost = labelled(mail('message-2'), 'Reminder email');
    const [unreachable] = issuesOf(journey([trigger(), lost], []), 'node-unreachable');
    expect(unreachable?.values).toMatchObject({ stepId: 'message-2', stepTitle: 'Reminder email' });
    expect(issueWordingId('node-unreachable')).toBe('validation.node-unreachable');
    expect(issueWordingId('quiet-hours-missing')).toBe('check.quiet-hours-missing');
  });

  it('a step without a label is titled by what it does', () => {
    const j = journey([trigger(), waitFor('wait-1', 'P1D'), mail('m')], chain('start', 'm'));
    const [unreachable] = issuesOf(j, 'node-unreachable');
    expect(unreachable?.values?.stepId).toBe('wait-1');
    expect(unreachable?.values?.stepTitle).toMatch(/1 day/);
  });

  it('connections name both ends by title, and a wrong port its variant and ports', () => {
    const start = labelled(trigger(), 'Cart left');
    const m = labelled(mail('m'), 'Reminder');
    const j = journey([start, m], [edge('start', 'm', 'later'), edge('m', 'ghost')]);
    const [port] = issuesOf(j, 'edge-unknown-port');
    expect(port?.values).toMatchObject({
      variant: 'unknown',
      port: 'later',
      ports: 'next',
      fromTitle: 'Cart left',
      toTitle: 'Reminder',
    });
    const [missing] = issuesOf(j, 'edge-unknown-node');
    expect(missing?.values).toMatchObject({ fromTitle: 'Reminder', missing: '"ghost"', count: 1 });
  });

  it('open ports and loops carry the port and the titles of the loop', () => {
    const j = journey([trigger(), labelled(mail('m'), 'Welcome')], chain('start', 'm'), calm);
    const [open] = issuesOf(j, 'port-open');
    expect(open?.values).toMatchObject({ port: 'next', variant: 'next', stepTitle: 'Welcome' });
  });

  it('a broken template carries the field and the problem with its place', () => {
    const j = journey(
      [trigger(), mail('m', 'Hi {{ profile.first_name')],
      chain('start', 'm'),
      calm,
    );
    const [broken] = issuesOf(j, 'template-invalid');
    expect(broken?.values).toMatchObject({
      field: 'subject',
      problem: 'outputNotClosed',
      line: 1,
      column: 4,
      near: '{{ profile.first_name',
      stepId: 'm',
    });
    expect(broken?.message).toBe(
      'Subject: missing a closing }} after {{ profile.first_name (line 1, column 4).',
    );
  });

  it('a required setting left out names the field', () => {
    const j = journey([trigger(), node('w', 'wait', { mode: 'duration' })], chain('start', 'w'));
    const [invalid] = issuesOf(j, 'config-invalid');
    expect(invalid?.values).toMatchObject({ field: 'duration', stepId: 'w' });
  });

  it('journey checks: quiet hours with the times, the frequency cap with the steps, the wait with its event', () => {
    const j = journey(
      [
        trigger(),
        labelled(mail('a'), 'First'),
        waitEvent('w', 'order_deliverd'),
        labelled(mail('b'), 'Second'),
      ],
      [edge('start', 'a'), edge('a', 'w'), edge('w', 'b', 'event'), edge('w', 'b', 'timeout')],
    );
    const result = validateJourney(j, undefined, { events: [{ name: 'cart' }] });
    const byCode = (code: string) => result.issues.find((i) => i.code === code)?.values;
    expect(byCode('quiet-hours-missing')).toMatchObject({ channel: 'email', variant: 'any' });
    expect(byCode('frequency-cap-missing')).toMatchObject({
      variant: 'path',
      most: 2,
      steps: '“First”, “Second”',
    });
    expect(byCode('wait-event-never-happens')).toMatchObject({
      event: 'order_deliverd',
      variant: 'neverSent',
    });
    expect(byCode('email-unsubscribe-missing')).toBeUndefined();
  });

  it('a template variable no sample profile has: the variables and the number of profiles', () => {
    const j = journey(
      [trigger(), mail('m', 'Hi {{ profile.firstname }}')],
      chain('start', 'm'),
      calm,
    );
    const [missing] = issuesOf(j, 'template-variable-missing');
    expect(missing?.values).toMatchObject({
      channel: 'email',
      variables: 'profile.firstname',
      count: 1,
      profiles: 1,
      first: 'profile.firstname',
    });
  });
});
