import { describe, expect, it } from 'vitest';
import type { Journey, JourneyNode } from '../../../core/model/journey';
import { describeChange, describeChanges } from '../../../core/versions/change-words';
import { diffJourneys } from '../../../core/versions/journey-diff';

/** A small cart journey: trigger → wait 2 days → condition → email (no) / SMS (yes). */
function cart(): Journey {
  return {
    format: 'journey-studio/journey',
    version: 1,
    id: 'cart',
    name: 'Cart reminder',
    settings: { timezone: 'Europe/Stockholm', quietHours: { start: '21:00', end: '08:00' } },
    nodes: [
      {
        id: 'start',
        kind: 'trigger',
        label: 'Added to cart',
        position: { x: 0, y: 0 },
        config: { on: 'event', event: 'cart' },
      },
      { id: 'wait', kind: 'wait', config: { mode: 'duration', duration: 'P2D' } },
      {
        id: 'bought',
        kind: 'condition',
        label: 'Bought?',
        config: { event: 'purchase', op: 'performed', since: 'entry' },
      },
      {
        id: 'mail',
        kind: 'message',
        label: 'Reminder 1',
        config: {
          channel: 'email',
          from: 'shop@example.com',
          subject: 'Your cart is waiting',
          html: '<p>Hi</p>',
        },
      },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'start', to: 'wait' },
      { from: 'wait', to: 'bought' },
      { from: 'bought', port: 'no', to: 'mail' },
      { from: 'bought', port: 'yes', to: 'done' },
    ],
  };
}

function edited(change: (journey: Journey) => void): Journey {
  const journey = structuredClone(cart());
  change(journey);
  return journey;
}

function node(journey: Journey, id: string): JourneyNode {
  const found = journey.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

const words = (after: Journey, before = cart()) => describeChanges(diffJourneys(before, after));

describe('the difference between two versions, in words', () => {
  it('finds nothing between a journey and itself', () => {
    expect(diffJourneys(cart(), cart())).toEqual([]);
  });

  it('says a wait changed in days, not in ISO 8601', () => {
    const after = edited((j) => {
      node(j, 'wait').config.duration = 'P3D';
    });
    expect(words(after)).toEqual(['Step “Wait 3 days”, Wait for: 2 days → 3 days']);
    expect(diffJourneys(cart(), after)).toEqual([
      {
        type: 'node-changed',
        node: { id: 'wait', title: 'Wait 3 days', kind: 'wait', kindTitle: 'Wait' },
        field: ['duration'],
        titles: ['Wait for'],
        before: {
          type: 'duration',
          iso: 'P2D',
          parts: [{ unit: 'day', count: 2 }],
          negative: false,
        },
        after: {
          type: 'duration',
          iso: 'P3D',
          parts: [{ unit: 'day', count: 3 }],
          negative: false,
        },
      },
    ]);
  });

  it('names a new step, where it sits, and the connection it replaced', () => {
    const after = edited((j) => {
      j.nodes.push({
        id: 'sms',
        kind: 'message',
        label: 'SMS reminder',
        config: { channel: 'sms', text: 'Your cart is waiting' },
      });
      j.edges = j.edges.filter((e) => e.from !== 'start');
      j.edges.push({ from: 'start', to: 'sms' }, { from: 'sms', to: 'wait' });
    });
    expect(words(after)).toEqual([
      'New step “SMS reminder” (Message) after “Added to cart”, before “Wait 2 days”',
      'Connection from “Added to cart” to “Wait 2 days” removed',
    ]);
  });

  it('says a step was removed, without its connections again', () => {
    const after = edited((j) => {
      j.nodes = j.nodes.filter((n) => n.id !== 'done');
      j.edges = j.edges.filter((e) => e.to !== 'done');
    });
    expect(words(after)).toEqual(['Step “Exit journey” (Exit) removed']);
  });

  it('says a renamed step by both names, and a new subject with both texts', () => {
    const after = edited((j) => {
      node(j, 'mail').label = 'First reminder';
      node(j, 'mail').config.subject = 'Still thinking it over?';
      node(j, 'mail').config.html = '<p>Hi there, your cart is waiting for you.</p>';
    });
    expect(words(after)).toEqual([
      'Step “Reminder 1” renamed “First reminder”',
      'Step “First reminder”, Subject: “Your cart is waiting” → “Still thinking it over?”',
      'Step “First reminder”, Body (HTML): edited',
    ]);
  });

  it('says a way out that now leads elsewhere as one change, naming the port', () => {
    const after = edited((j) => {
      j.edges = j.edges.map((e) => (e.port === 'yes' ? { ...e, to: 'mail' } : e));
    });
    expect(words(after)).toEqual([
      '“Bought?” (Yes) now leads to “Reminder 1” instead of “Exit journey”',
    ]);
  });

  it('says new and removed connections by the titles of their steps', () => {
    const added = edited((j) => {
      j.edges.push({ from: 'mail', to: 'done' });
    });
    expect(words(added)).toEqual(['New connection from “Reminder 1” to “Exit journey”']);
    expect(words(cart(), added)).toEqual([
      'Connection from “Reminder 1” to “Exit journey” removed',
    ]);
  });

  it('says the shares of a split as percentages, with new and removed variants', () => {
    const split = (variants: unknown[]) =>
      edited((j) => {
        j.nodes.push({ id: 'ab', kind: 'split', label: 'Which offer?', config: { variants } });
        j.edges.push({ from: 'mail', to: 'ab' });
      });
    const before = split([
      { key: 'A', label: '10% off', weight: 50 },
      { key: 'B', label: 'Free shipping', weight: 50 },
    ]);
    const after = split([
      { key: 'A', label: '10% off', weight: 60 },
      { key: 'B', label: 'Free shipping', weight: 20 },
      { key: 'control', weight: 20 },
    ]);
    expect(words(after, before)).toEqual([
      'Step “Which offer?”, shares: 10% off 50% → 60%; Free shipping 50% → 20%; new variant control 20%',
    ]);
    expect(words(before, after)).toEqual([
      'Step “Which offer?”, shares: 10% off 60% → 50%; Free shipping 20% → 50%; control removed (was 20%)',
    ]);
    // The same shares written with other weights are no change.
    const scaled = split([
      { key: 'A', label: '10% off', weight: 1 },
      { key: 'B', label: 'Free shipping', weight: 1 },
    ]);
    expect(diffJourneys(before, scaled)).toEqual([]);
  });

  it('says a wait that changes what it waits for, and the settings that go with it', () => {
    const after = edited((j) => {
      node(j, 'wait').config = { mode: 'until', time: '10:00', days: ['tue', 'thu'] };
    });
    expect(words(after)).toEqual([
      'Step “Wait until 10:00 on Tue, Thu”, Wait: For a while → Until a time of day',
      'Step “Wait until 10:00 on Tue, Thu”, Until: none → 10:00',
      'Step “Wait until 10:00 on Tue, Thu”, On days: none → Tue, Thu',
      'Step “Wait until 10:00 on Tue, Thu”, Wait for: 2 days → none',
    ]);
  });

  it('says a condition changed in the words of the condition', () => {
    const after = edited((j) => {
      node(j, 'bought').config = { event: 'purchase', op: 'performed', within: 'P30D' };
    });
    expect(words(after)).toEqual([
      'Step “Bought?”, Profiles go to “yes” when: purchase performed since entry → purchase performed in the last 30 days',
    ]);
  });

  it('says journey settings by their titles, switched on and off, and with defaults applied', () => {
    const after = edited((j) => {
      j.name = 'Cart reminders';
      j.settings = {
        timezone: 'Europe/Oslo',
        // Written out, the default is no change.
        reentry: 'after_exit',
        frequencyCap: { max: 2, per: 'P1D' },
      };
    });
    expect(words(after)).toEqual([
      'Journey renamed “Cart reminder” → “Cart reminders”',
      'Journey setting Quiet hours: hold messages overnight: turned off',
      'Journey setting Frequency cap: limit messages per profile: turned on',
      'Journey setting Frequency cap: limit messages per profile › Most messages: none → 2',
      'Journey setting Frequency cap: limit messages per profile › In any window of: none → 1 day',
      'Journey setting Time zone: “Europe/Stockholm” → “Europe/Oslo”',
    ]);
  });

  it('says that steps only moved on the canvas, apart from what they do', () => {
    const after = edited((j) => {
      node(j, 'start').position = { x: 200, y: 40 };
      node(j, 'wait').position = { x: 200, y: 140 };
    });
    expect(words(after)).toEqual([
      '2 steps moved on the canvas (nothing changes for the people in the journey)',
    ]);
  });

  it('counts a step whose kind changed under the same id as removed and added', () => {
    const after = edited((j) => {
      const wait = node(j, 'wait');
      wait.kind = 'update';
      wait.config = { set: { tier: 'gold' } };
    });
    expect(words(after)).toEqual([
      'New step “Set tier = "gold"” (Update profile) after “Added to cart”, before “Bought?”',
      'Step “Wait 2 days” (Wait) removed',
    ]);
  });

  it('words negative durations, weekdays, choices and long texts', () => {
    expect(
      describeChange({
        type: 'setting-changed',
        field: ['reentry'],
        titles: ['Can a profile enter again?'],
        before: { type: 'choice', value: 'after_exit', title: 'Again after leaving' },
        after: { type: 'choice', value: 'never', title: 'Only once' },
      }),
    ).toBe('Journey setting Can a profile enter again?: Again after leaving → Only once');
    expect(
      describeChange({
        type: 'node-changed',
        node: { id: 'b', title: 'On their birthday', kind: 'trigger', kindTitle: 'Trigger' },
        field: ['offset'],
        titles: ['Shift'],
        before: { type: 'absent' },
        after: {
          type: 'duration',
          iso: '-P1D',
          parts: [{ unit: 'day', count: 1 }],
          negative: true,
        },
      }),
    ).toBe('Step “On their birthday”, Shift: none → 1 day before');
  });
});
