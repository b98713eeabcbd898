import { describe, expect, it } from 'vitest';
import { compileJourney } from '../../../core/runtime/compiled-journey';
import { Interpreter, fixedCatalog } from '../../../core/runtime/interpreter';
import type { StepRecord } from '../../../core/runtime/ports';
import { MemoryStore } from '../../../core/simulator/memory-store';
import { chain, journey, node } from '../build';

const T = Date.parse('2026-05-01T10:00:00Z');

function setup(j: ReturnType<typeof journey>) {
  const store = new MemoryStore({ keepMessages: 100 });
  const records: StepRecord[] = [];
  const interpreter = new Interpreter({
    catalog: fixedCatalog([compileJourney(j)]),
    store,
    observer: { record: (r) => records.push(r) },
  });
  return { store, records, interpreter };
}

describe('interpreter', () => {
  it('enrolls a profile that starts matching a segment after an identify', () => {
    const j = journey(
      [
        node('start', 'trigger', {
          on: 'segment',
          condition: { attribute: 'plan', op: 'eq', value: 'pro' },
        }),
        node('w', 'wait', { mode: 'duration', duration: 'P1D' }),
      ],
      chain('start', 'w'),
    );
    const { interpreter, store, records } = setup(j);
    interpreter.handleIdentify('p', { plan: 'free' }, T);
    interpreter.start('p', T);
    expect(records.filter((r) => r.type === 'enter')).toHaveLength(0);
    interpreter.handleIdentify('p', { plan: 'pro' }, T + 1000);
    expect(records.filter((r) => r.type === 'enter')).toMatchObject([
      { profileId: 'p', at: T + 1000, via: 'segment' },
    ]);
    // Matching again without having stopped matching does not enter twice.
    interpreter.handleIdentify('p', { plan: 'pro', seats: 3 }, T + 2000);
    expect(records.filter((r) => r.type === 'enter')).toHaveLength(1);
    expect(store.getProfile('p')?.attributes).toEqual({ id: 'p', plan: 'pro', seats: 3 });
  });

  it('ignores a wake-up made stale by an event that moved the enrollment on', () => {
    const j = journey(
      [
        node('start', 'trigger', { on: 'event', event: 'cart' }),
        node('paid', 'wait', { mode: 'event', event: 'purchase', timeout: 'PT1H' }),
      ],
      chain('start', 'paid'),
    );
    const { interpreter, store, records } = setup(j);
    interpreter.handleEvent({ profileId: 'p', name: 'cart', time: T, properties: {} }, T);
    const wake = store.wakes.pop();
    interpreter.handleEvent(
      { profileId: 'p', name: 'purchase', time: T + 60_000, properties: {} },
      T + 60_000,
    );
    expect(wake).toBeDefined();
    if (wake) interpreter.handleWake(wake, wake.at);
    expect(
      records
        .filter((r) => r.type === 'leave' && r.nodeId === 'paid')
        .map((r) => (r.type === 'leave' ? r.port : '')),
    ).toEqual(['event']);
  });

  it('gives each enrollment an id from its journey, profile and entry number', () => {
    const j = journey(
      [node('start', 'trigger', { on: 'event', event: 'cart' }), node('x', 'exit')],
      chain('start', 'x'),
      { reentry: 'always' },
    );
    const { interpreter, store } = setup(j);
    interpreter.handleEvent({ profileId: 'p', name: 'cart', time: T, properties: {} }, T);
    interpreter.handleEvent({ profileId: 'p', name: 'cart', time: T + 1, properties: {} }, T + 1);
    expect(store.enrollmentsOf('p').map((e) => [e.id, e.status])).toEqual([
      ['test-journey:p:1', 'exited'],
      ['test-journey:p:2', 'exited'],
    ]);
  });

  it('refuses to run a journey with errors', () => {
    expect(() =>
      compileJourney(journey([node('w', 'wait', { mode: 'duration', duration: 'PT1H' })], [])),
    ).toThrow(/has errors and cannot run: Add a trigger/);
  });
});
