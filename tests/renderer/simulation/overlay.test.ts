import { describe, expect, it } from 'vitest';
import { journeyToFlow } from '../../../renderer/canvas/flow-mapping';
import {
  MAX_BAND,
  MIN_BAND,
  bandWidth,
  editedSince,
  simulationOverlay,
} from '../../../renderer/simulation/overlay';
import { messageRows, messagesPerDay } from '../../../renderer/simulation/messages';
import { sampleRun } from './sample-run';
import { wordsIn } from '../words';

const english = wordsIn();

describe('the canvas overlay of a run', () => {
  it('gives every step its arrivals, exits, waiting and message figures', () => {
    const { report } = sampleRun();
    const overlay = simulationOverlay(report);
    expect(overlay.nodes.start).toEqual({ entered: 4, ports: { next: 4 }, waiting: 0 });
    expect(overlay.nodes.wait1).toMatchObject({ entered: 4, ports: { next: 3 } });
    expect(overlay.nodes.bought).toMatchObject({ entered: 3, ports: { yes: 0, no: 3 } });
    expect(overlay.nodes.mail1).toMatchObject({
      entered: 3,
      message: { sent: 1, skipped: 2, deferred: 0 },
    });
  });

  it('gives a message step its messages not sent by reason, most common first', () => {
    const { report } = sampleRun();
    const mail = {
      ...report.messages.mail1!,
      skipped: { unsubscribed: 1, no_address: 4, capped: 2 },
    };
    const overlay = simulationOverlay({ ...report, messages: { ...report.messages, mail1: mail } });
    expect(overlay.nodes.mail1?.message?.notSent).toEqual([
      { reason: 'no_address', count: 4 },
      { reason: 'capped', count: 2 },
      { reason: 'unsubscribed', count: 1 },
    ]);
    expect(overlay.nodes.mail1?.message?.skipped).toBe(7);
  });

  it('labels connections under the ids the canvas gives them, widest where most went', () => {
    const { report, journey } = sampleRun();
    const overlay = simulationOverlay(report);
    const ids = journeyToFlow(journey).edges.map((e) => e.id);
    expect(Object.keys(overlay.edges).sort()).toEqual([...ids].sort());
    expect(overlay.edges['start:next->wait1']).toEqual({ count: 4, width: MAX_BAND });
    expect(overlay.edges['bought:no->mail1']?.count).toBe(3);
    expect(overlay.edges['bought:no->mail1']?.width).toBeLessThan(MAX_BAND);
    expect(overlay.maxFlow).toBe(4);
  });

  it('draws no band for an empty connection, and thicker bands for more flow', () => {
    expect(bandWidth(0, 100)).toBe(0);
    expect(bandWidth(5, 0)).toBe(0);
    expect(bandWidth(100, 100)).toBe(MAX_BAND);
    const widths = [1, 10, 50, 100].map((n) => bandWidth(n, 100));
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(widths[0]).toBeGreaterThan(MIN_BAND);
  });

  it('knows a moved step from an edit', () => {
    const { journey } = sampleRun();
    const moved = {
      ...journey,
      nodes: journey.nodes.map((n) => ({ ...n, position: { x: 500, y: 500 } })),
    };
    expect(editedSince(journey, moved)).toBe(false);
    const edited = {
      ...journey,
      nodes: journey.nodes.map((n) =>
        n.id === 'wait1' ? { ...n, config: { mode: 'duration', duration: 'PT2H' } } : n,
      ),
    };
    expect(editedSince(journey, edited)).toBe(true);
  });

  it('takes the journey the engine hands back, its keys in another order, as not edited', () => {
    const { journey } = sampleRun();
    // As the editor holds it after settings were set one by one, and with a field left unset.
    const reordered = {
      ...journey,
      settings: Object.fromEntries(Object.entries(journey.settings).reverse()),
      nodes: journey.nodes.map((n) => ({
        config: Object.fromEntries(Object.entries(n.config).reverse()),
        kind: n.kind,
        id: n.id,
        position: n.position,
        label: undefined,
      })),
    } as unknown as typeof journey;
    expect(JSON.stringify(reordered.settings)).not.toBe(JSON.stringify(journey.settings));
    expect(editedSince(journey, reordered)).toBe(false);
  });
});

describe('messages in words', () => {
  it('lists each message step with every reason a message was not sent', () => {
    const { report, journey } = sampleRun();
    expect(messageRows(english, report, journey)).toEqual([
      {
        nodeId: 'mail1',
        title: 'Email: {first_name}, your cart is waiting',
        channel: 'email',
        reached: 3,
        sent: 1,
        skipped: [
          { reason: 'unsubscribed', words: 'unsubscribed', count: 1 },
          { reason: 'no_address', words: 'had no address for this channel', count: 1 },
        ],
        skippedTotal: 2,
        deferred: 0,
      },
    ]);
  });

  it('counts messages per local day, quiet days included', () => {
    const { report } = sampleRun();
    const week = {
      ...report,
      window: { start: '2026-03-02T00:00:00.000Z', end: '2026-03-05T12:00:00.000Z' },
      messagesPerDay: { '2026-03-04': { email: 1 }, '2026-03-05': { email: 2, sms: 1 } },
    };
    const chart = messagesPerDay(week, 'Europe/Stockholm');
    expect(chart.channels).toEqual(['email', 'sms']);
    expect(chart.total).toBe(4);
    expect(chart.rows.map((r) => [r.day, r.label, r.email, r.sms])).toEqual([
      ['2026-03-02', '2 Mar', 0, 0],
      ['2026-03-03', '3 Mar', 0, 0],
      ['2026-03-04', '4 Mar', 1, 0],
      ['2026-03-05', '5 Mar', 2, 1],
    ]);
  });
});
