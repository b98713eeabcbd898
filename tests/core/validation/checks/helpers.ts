import type { Journey } from '../../../../core/model/journey';
import type { IssueCode } from '../../../../core/validation/catalogue';
import { validateJourney, type ValidationContext } from '../../../../core/validation/validate';
import { node } from '../../build';

/** The issues one check reports, as `code@node`, and the validation as a whole. */
export function found(code: IssueCode, j: Journey, context: ValidationContext = {}) {
  const result = validateJourney(j, undefined, context);
  if (!result.valid) {
    throw new Error(
      `test journey has errors: ${result.issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.message)
        .join(' ')}`,
    );
  }
  return result.issues.filter((i) => i.code === code);
}

export function where(code: IssueCode, j: Journey, context: ValidationContext = {}): string[] {
  return found(code, j, context).map((i) => i.nodeId ?? '(journey)');
}

export const UNSUBSCRIBE = '<p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>';

export const mail = (id: string, subject = 'News from Nordic Shop', body = '<p>Hello</p>') =>
  node(id, 'message', {
    channel: 'email',
    from: 'Nordic Shop <shop@example.com>',
    subject,
    html: `${body}${UNSUBSCRIBE}`,
  });

export const trigger = (event = 'cart') => node('start', 'trigger', { on: 'event', event });
export const waitFor = (id: string, duration: string) =>
  node(id, 'wait', { mode: 'duration', duration });
export const waitUntil = (id: string, time: string) => node(id, 'wait', { mode: 'until', time });
export const waitEvent = (id: string, event: string, timeout = 'P3D') =>
  node(id, 'wait', { mode: 'event', event, timeout });
export const notBought = (id = 'bought') =>
  node(id, 'condition', { event: 'purchase', op: 'performed', since: 'entry' });

/** Settings that satisfy the checks not under test. */
export const calm = {
  quietHours: { start: '21:00', end: '08:00' },
  frequencyCap: { max: 2, per: 'P1D' },
} as const;
