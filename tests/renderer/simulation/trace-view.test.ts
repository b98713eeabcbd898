import { describe, expect, it } from 'vitest';
import { journeyToFlow } from '../../../renderer/canvas/flow-mapping';
import type { Journey } from '../../../core/model/journey';
import type { TraceStep } from '../../../core/simulator/trace';
import { traceFocus, traceLine, traceRows } from '../../../renderer/simulation/trace-view';
import { makeProfile } from '../../../core/model/profile';
import { simulate } from '../../../core/simulator/simulate';
import { loadJourney } from '../../core/fixtures';
import { wordsIn } from '../words';
import { sampleRun } from './sample-run';

const english = wordsIn();

/** The rows as the list shows them: what the canvas lights up, with the words of each line. */
function shownRows(steps: readonly TraceStep[], journey: Journey, timeZone?: string) {
  return traceRows(steps, journey, timeZone).map((row) => ({
    ...row,
    ...traceLine(english, row, journey, timeZone),
  }));
}

describe('a profile’s path in words', () => {
  it('says each step with names, times in the journey’s zone, and the connection taken', () => {
    const { traces, journey } = sampleRun();
    const rows = shownRows(traces.get('ann') ?? [], journey, 'Europe/Stockholm');
    expect(rows.map((r) => [r.time ?? '', r.title])).toEqual([
      ['11:00', 'Entered on event cart'],
      ['', 'On to Wait 30 minutes'],
      ['', 'Waits until Wed 4 Mar, 11:30'],
      ['11:30', 'On to If purchase performed since entry'],
      ['', 'On to Email: {first_name}, your cart is waiting through “No”'],
      ['', 'Email sent to ann@example.com'],
      ['', 'Left Email: {first_name}, your cart is waiting'],
      ['', 'Completed the journey'],
    ]);
    expect(rows[0]?.day).toBe('Wed 4 Mar');
    expect(rows.slice(1).some((r) => r.day)).toBe(false);
    expect(rows.map((r) => r.index)).toEqual(rows.map((_, i) => i));
    // Entering is being on the trigger; leaving lights up the connection and the step reached.
    expect(rows[0]).toMatchObject({ nodeId: 'start', tone: 'enter' });
    expect(rows[4]).toMatchObject({ nodeId: 'mail1', edgeId: 'bought:no->mail1' });
    expect(rows[6]).toMatchObject({
      nodeId: 'mail1',
      detail: 'Nothing is connected there, so the journey ends.',
    });
    const ids = new Set(journeyToFlow(journey).edges.map((e) => e.id));
    for (const row of rows) if (row.edgeId) expect(ids).toContain(row.edgeId);
  });

  it('says why a profile left early', () => {
    const { traces, journey } = sampleRun();
    const titles = shownRows(traces.get('dee') ?? [], journey).map((r) => r.title);
    expect(titles).toContain('Converted: performed purchase');
    expect(titles.at(-1)).toBe('Left the journey: goal reached');
  });

  it('lights up the step in focus and the path walked to it', () => {
    const { traces, journey } = sampleRun();
    const rows = traceRows(traces.get('ann') ?? [], journey);
    const atStart = traceFocus(rows, 0);
    expect(atStart).toMatchObject({ nodeId: 'start' });
    expect(atStart.edgeId).toBeUndefined();
    expect([...atStart.visitedNodes]).toEqual(['start']);
    const onTheWay = traceFocus(rows, 4);
    expect(onTheWay).toMatchObject({ nodeId: 'mail1', edgeId: 'bought:no->mail1' });
    expect([...onTheWay.visitedNodes]).toEqual(['start', 'wait1', 'bought', 'mail1']);
    expect([...onTheWay.visitedEdges]).toEqual([
      'start:next->wait1',
      'wait1:next->bought',
      'bought:no->mail1',
    ]);
    // Waiting is not moving: no connection is lit, the path so far stays.
    expect(traceFocus(rows, 2).edgeId).toBeUndefined();
  });
});

describe('why a message was not sent, in Swedish', () => {
  const swedish = wordsIn('sv');
  const skipLines = (steps: readonly TraceStep[], journey: Journey) =>
    traceRows(steps, journey, 'Europe/Stockholm')
      .filter((row) => row.tone === 'skip')
      .map((row) => {
        const { title, detail } = traceLine(swedish, row, journey, 'Europe/Stockholm');
        return { title, detail };
      });

  it('names the consent withdrawn and the attribute missing, from the engine’s facts', () => {
    const journey = loadJourney('abandoned-cart.json');
    const { traces } = simulate({
      journey,
      profiles: [
        makeProfile('bo', { email: 'bo@example.com', unsubscribed: true }),
        makeProfile('cy', { first_name: 'Cy' }),
      ],
      events: [
        { profileId: 'bo', name: 'cart', time: Date.parse('2026-03-04T10:05:00Z'), properties: {} },
        { profileId: 'cy', name: 'cart', time: Date.parse('2026-03-04T10:10:00Z'), properties: {} },
      ],
      start: Date.parse('2026-03-04T09:00:00Z'),
      end: Date.parse('2026-03-04T23:00:00Z'),
      trace: new Set(['bo', 'cy']),
    });
    expect(skipLines(traces.get('bo') ?? [], journey)).toEqual([
      {
        title: 'Meddelandet skickades inte: avregistrerad',
        detail: 'Har avregistrerat sig från alla utskick.',
      },
    ]);
    expect(skipLines(traces.get('cy') ?? [], journey)).toEqual([
      {
        title: 'Meddelandet skickades inte: saknade adress för den här kanalen',
        detail: 'Profilen saknar ”email”.',
      },
    ]);
    // English reads the engine's own words, as before.
    const row = traceRows(traces.get('cy') ?? [], journey).find((r) => r.tone === 'skip');
    expect(row && traceLine(english, row, journey).detail).toBe('No email');
  });

  it('says the sending policy’s limit, the window and the journey that filled it', () => {
    const journey = loadJourney('abandoned-cart.json');
    const policySkip: TraceStep = {
      at: '2026-03-04T10:30:00.000Z',
      journeyId: journey.id,
      nodeId: 'mail1',
      type: 'skip',
      reason: 'policy',
      text: 'message skipped (policy)',
      values: {
        detail: 'the library sends at most 1 email message per day to a person',
        facts: {
          code: 'policy',
          channel: 'email',
          sent: 2,
          max: 1,
          per: 'P1D',
          filledBy: 'welcome',
        },
      },
    };
    expect(skipLines([policySkip], journey)).toEqual([
      {
        title: 'Meddelandet skickades inte: hölls tillbaka av utskickspolicyn',
        detail:
          '2 mejl till den här personen inom 1 dag, över alla resor; biblioteket tillåter 1. ”welcome” skickade det som fyllde gränsen.',
      },
    ]);
  });
});
