import { describe, expect, it } from 'vitest';
import type { JourneySettings } from '../../../../core/model/journey';
import { edge, journey } from '../../build';
import { calm, found, mail, trigger, waitEvent, where } from './helpers';

const waiting = (event: string, settings: JourneySettings = {}) =>
  journey(
    [trigger('purchase'), waitEvent('delivered', event, 'P10D'), mail('thanks'), mail('sorry')],
    [
      edge('start', 'delivered'),
      edge('delivered', 'thanks', 'event'),
      edge('delivered', 'sorry', 'timeout'),
    ],
    { ...calm, ...settings },
  );

const events = [{ name: 'purchase' }, { name: 'order_delivered' }, { name: 'view' }];

describe('wait-event-never-happens', () => {
  it('warns, with sample events, about a wait for an event that none of them is', () => {
    const [issue] = found('wait-event-never-happens', waiting('order_deliverd'), { events });
    expect(issue?.nodeId).toBe('delivered');
    expect(issue?.path).toEqual(['nodes', 1, 'config', 'event']);
    expect(issue?.message).toBe(
      'Wait "delivered" waits for "order_deliverd", which never arrives there: no trigger starts with it and it does not occur in the sample events, so every profile leaves through "timeout". Check the event name.',
    );
  });

  it('is satisfied by an event in the data or the trigger event, and is silent without data', () => {
    expect(where('wait-event-never-happens', waiting('order_delivered'), { events })).toEqual([]);
    expect(where('wait-event-never-happens', waiting('purchase'), { events: [] })).toEqual([]);
    expect(where('wait-event-never-happens', waiting('order_deliverd'))).toEqual([]);
  });

  it('warns, even without data, about a wait for the goal event when the goal ends the journey', () => {
    const goal = (g: JourneySettings['goal']) => waiting('review', { goal: g });
    expect(found('wait-event-never-happens', goal({ event: 'review' }))[0]?.message).toMatch(
      /the journey's goal is review and ends the journey, so profiles who do it leave before this wait sees it/,
    );
    expect(where('wait-event-never-happens', goal({ event: 'review', exit: false }))).toEqual([]);
    expect(where('wait-event-never-happens', goal({ event: 'purchase' }))).toEqual([]);
  });
});
