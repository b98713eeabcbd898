import { describe, expect, it } from 'vitest';
import { compileJourney } from '../../../core/runtime/compiled-journey';
import { Interpreter, fixedCatalog } from '../../../core/runtime/interpreter';
import type { StepRecord } from '../../../core/runtime/ports';
import { MemoryStore } from '../../../core/simulator/memory-store';
import { ReportBuilder } from '../../../core/simulator/report';
import { chain, journey, node } from '../build';

const T = Date.parse('2026-05-01T10:00:00Z');
const HOUR = 3_600_000;

const reminder = (settings = {}) =>
  journey(
    [
      node('start', 'trigger', { on: 'event', event: 'cart' }),
      node('wait', 'wait', { mode: 'duration', duration: 'PT1H' }),
      node('mail', 'message', {
        channel: 'email',
        from: 'shop@example.com',
        subject: 'Your cart',
        html: '<p>x</p>',
      }),
      node('hook', 'message', { channel: 'webhook', url: 'https://crm.example.com/hook' }),
    ],
    chain('start', 'wait', 'mail', 'hook'),
    settings,
    'cart',
  );

/** The interpreter on the simulator's store: a wake-up run `late` ms after it fell due. */
function runLate(late: number, settings = {}) {
  const store = new MemoryStore({ keepMessages: 100 });
  const records: StepRecord[] = [];
  const interpreter = new Interpreter({
    catalog: fixedCatalog([compileJourney(reminder(settings))]),
    store,
    observer: { record: (r) => records.push(r) },
  });
  store.putProfile({ id: 'ann', attributes: { id: 'ann', email: 'ann@example.com' } });
  interpreter.handleEvent({ profileId: 'ann', name: 'cart', time: T, properties: {} }, T);
  const wake = store.wakes.pop();
  if (!wake) throw new Error('no wake-up');
  interpreter.handleWake(wake, wake.at + late);
  return { records, store };
}

describe('a message later than the journey allows', () => {
  it('is skipped with reason late once its step runs more than maxLateness (PT12H) after it was due', () => {
    const { records } = runLate(13 * HOUR);
    const skip = records.find((r) => r.type === 'skip');
    expect(skip).toMatchObject({ type: 'skip', nodeId: 'mail', reason: 'late', at: T + 14 * HOUR });
    expect((skip as { detail: string }).detail).toBe(
      '13 hours late (due 2026-05-01T11:00:00.000Z); this journey skips messages more than 12 hours late',
    );
    // The same as facts, for the app to say in its language.
    expect((skip as { facts: unknown }).facts).toEqual({
      code: 'late',
      late: 'PT13H',
      due: '2026-05-01T11:00:00.000Z',
      maxLateness: 'PT12H',
    });
    // The journey goes on; a webhook reaches a system and still goes.
    expect(records.filter((r) => r.type === 'message').map((r) => r.nodeId)).toEqual(['hook']);
  });

  it('is sent when it is late by less, and on time always', () => {
    for (const late of [0, 11 * HOUR]) {
      const { records } = runLate(late);
      expect(records.filter((r) => r.type === 'skip')).toEqual([]);
      expect(records.filter((r) => r.type === 'message').map((r) => r.nodeId)).toEqual([
        'mail',
        'hook',
      ]);
    }
  });

  it('follows the journey’s own maxLateness', () => {
    expect(runLate(2 * HOUR, { maxLateness: 'PT1H' }).records.some((r) => r.type === 'skip')).toBe(
      true,
    );
    expect(runLate(20 * HOUR, { maxLateness: 'P1D' }).records.some((r) => r.type === 'skip')).toBe(
      false,
    );
  });

  it('is counted in the simulation report under its reason', () => {
    const { records } = runLate(13 * HOUR);
    const report = new ReportBuilder(compileJourney(reminder()));
    for (const r of records) report.record(r);
    const built = report.build({
      window: { start: T, end: T + 20 * HOUR },
      profiles: 1,
      seed: 0,
      events: { replayed: 1, history: 0 },
    });
    expect(built.messages.mail?.skipped).toEqual({ late: 1 });
    expect(built.skipped).toEqual({ late: 1 });
  });
});
