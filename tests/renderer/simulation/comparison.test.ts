import { describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../../core/api/simulation-contract';
import type { Journey } from '../../../core/model/journey';
import { differenceNote, runComparison, runLabel } from '../../../renderer/simulation/comparison';
import { sampleRun } from './sample-run';
import { wordsIn } from '../words';

const english = wordsIn();

function asRun(id: string, result: ReturnType<typeof sampleRun>, seed = 0): SimulationRun {
  const { report, journey } = result;
  return {
    id,
    journeyId: journey.id,
    journeyName: journey.name,
    createdAt: '2026-03-05T09:30:00.000Z',
    params: { journeyId: journey.id, eventsDatasetId: 'ev', seed },
    durationMs: 10,
    profiles: report.profiles,
    enrollments: report.enrollments,
    conversions: report.conversions.total,
    sent: 0,
    active: report.active,
    journey,
    report,
  };
}

describe('what changed since the last run', () => {
  const before = sampleRun();
  // A longer wait: only Ann's ends inside the window, in quiet hours, so her mail is held.
  const longer: Journey = {
    ...before.journey,
    nodes: before.journey.nodes.map((n) =>
      n.id === 'wait1' ? { ...n, config: { mode: 'duration', duration: 'PT13H' } } : n,
    ),
  };
  const after = sampleRun(longer);

  it('gives the headline figures, judging only conversions good or bad', () => {
    const view = runComparison(english, asRun('a', before), asRun('b', after), longer);
    expect(view.headline.map((r) => [r.label, r.before, r.after, r.deltaText, r.verdict])).toEqual([
      ['Entered', 4, 4, '±0', 'neutral'],
      ['Converted', 1, 1, '±0', 'neutral'],
      ['Messages sent', 1, 0, '−1', 'neutral'],
      ['Still in the journey', 0, 3, '+3', 'neutral'],
    ]);
    expect(view.journeyEdited).toBe(true);
    expect(differenceNote(english, view)).toBe('The journey was edited between the runs.');
  });

  it('lists only the steps whose counts moved, named as on the canvas', () => {
    const view = runComparison(english, asRun('a', before), asRun('b', after), longer);
    expect(view.nodes.map((n) => n.title)).toEqual([
      'Wait 13 hours',
      'If purchase performed since entry',
      'Email: {first_name}, your cart is waiting',
    ]);
    const wait = view.nodes[0];
    expect(wait?.rows.map((r) => [r.label, r.before, r.after, r.deltaText])).toEqual([
      ['Went on', 3, 1, '−2'],
    ]);
    const branch = view.nodes[1];
    expect(branch?.rows.map((r) => r.label)).toEqual(['Reached', 'Took “No”']);
    const mail = view.nodes[2];
    expect(mail?.rows.map((r) => r.label)).toEqual(['Reached', 'Went on', 'Sent', 'Not sent']);
  });

  it('says what else differed, and names runs by when and what they counted', () => {
    const view = runComparison(english, asRun('a', before), asRun('b', before, 7), before.journey);
    expect(view.nodes).toEqual([]);
    expect(differenceNote(english, view)).toBe('The runs used another seed (0, now 7).');
    expect(runLabel(english, asRun('a', before), 'UTC')).toBe(
      'Thu, 5 Mar 2026, 09:30 · 4 entered · 1 converted',
    );
  });
});
