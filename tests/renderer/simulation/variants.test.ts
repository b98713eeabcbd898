import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../../core/simulator/report';
import { wilsonInterval } from '../../../core/forecast/statistics';
import { splitResults, variantResults } from '../../../renderer/simulation/variants';
import { loadJourney } from '../../core/fixtures';
import { sampleRun } from './sample-run';
import { wordsIn } from '../words';

const english = wordsIn();

const journey = loadJourney('winback-ab.json');

function reportWith(
  variants: Record<string, { entered: number; converted: number }>,
): SimulationReport {
  const { report } = sampleRun();
  return {
    ...report,
    conversions: { ...report.conversions, total: 0, byVariant: { ab: variants } },
  };
}

describe('A/B results in words', () => {
  it('names variants as the marketer did and compares each with the control', () => {
    const [split] = splitResults(
      english,
      reportWith({
        A: { entered: 1000, converted: 150 },
        B: { entered: 1000, converted: 95 },
        control: { entered: 1000, converted: 100 },
      }),
      journey,
    );
    expect(split?.title).toBe('Split A 45% / B 45% / control 10%');
    expect(split?.baselineLabel).toBe('Control');
    expect(split?.rows.map((r) => [r.label, r.rateText, r.tone])).toEqual([
      ['Discount', '15%', 'better'],
      ['Free shipping', '9.5%', 'unclear'],
      ['Control', '10%', 'baseline'],
    ]);
    expect(split?.rows[0]?.verdict).toBe(
      'Converts better: +5.0 pts against Control, unlikely to be chance.',
    );
    expect(split?.rows[1]?.verdict).toBe('−0.5 pts against Control, but that could be chance.');
    expect(split?.headline).toMatch(/^Discount converts best: 15% against 10% for Control/);
  });

  it('shows the engine’s 95% interval, on one scale for all variants', () => {
    const [split] = splitResults(
      english,
      reportWith({ A: { entered: 200, converted: 30 }, control: { entered: 200, converted: 20 } }),
      journey,
    );
    const expected = wilsonInterval(30, 200);
    expect(split?.rows[0]).toMatchObject({ low: expected.low, high: expected.high });
    expect(split?.rows[0]?.intervalText).toBe('10.7%–20.6%');
    expect(split?.scale).toBe(Math.max(expected.high, wilsonInterval(20, 200).high));
  });

  it('says when there is too little to tell, or nobody at all', () => {
    const [few] = splitResults(
      english,
      reportWith({ A: { entered: 12, converted: 3 }, control: { entered: 10, converted: 1 } }),
      journey,
    );
    expect(few?.rows[0]?.verdict).toBe('+15.0 pts against Control; too few profiles to tell.');
    expect(few?.headline).toMatch(/^No variant is clearly better than Control yet/);
    const [none] = splitResults(
      english,
      reportWith({ A: { entered: 0, converted: 0 }, control: { entered: 0, converted: 0 } }),
      journey,
    );
    expect(none?.headline).toBe('Nobody reached this split in the simulation.');
    expect(none?.rows[0]).toMatchObject({ tone: 'empty', rateText: '–', intervalText: '' });
  });

  it('never calls a few people’s difference unlikely to be chance (Fisher’s exact test)', () => {
    // The REES46 finding: 6 of 35 against 1 of 35 was called "unlikely to be chance".
    const [split] = splitResults(
      english,
      reportWith({ A: { entered: 35, converted: 6 }, control: { entered: 35, converted: 1 } }),
      journey,
    );
    expect(split?.rows[0]).toMatchObject({ tone: 'unclear' });
    expect(split?.rows[0]?.verdict).toBe('+14.3 pts against Control, but that could be chance.');
    expect(split?.headline).toMatch(/^No variant is clearly better than Control yet/);
    const [rare] = splitResults(
      english,
      reportWith({ A: { entered: 400, converted: 4 }, control: { entered: 400, converted: 0 } }),
      journey,
    );
    expect(rare?.rows[0]?.verdict).toBe('+1.0 pts against Control; too few conversions to tell.');
  });

  it('says a running journey’s figures in the same words, with its automatic winner', () => {
    const variants = { A: { entered: 35, converted: 6 }, control: { entered: 35, converted: 1 } };
    const [live] = variantResults(english, { ab: variants }, journey, 'live');
    const [simulated] = splitResults(english, reportWith(variants), journey);
    expect(live?.rows).toEqual(simulated?.rows);
    expect(live?.headline).toBe(simulated?.headline);
    const [none] = variantResults(
      english,
      { ab: { A: { entered: 0, converted: 0 }, control: { entered: 0, converted: 0 } } },
      journey,
      'live',
    );
    expect(none?.headline).toBe('Nobody has reached this split yet.');
    const at = '2026-05-05T14:00:00.000Z';
    const [decided] = variantResults(english, { ab: variants }, journey, 'live', {
      ab: { at, variant: 'A', probability: 0.97 },
    });
    expect(decided?.winner).toEqual({ key: 'A', label: 'Discount', at, probability: 0.97 });
  });

  it('finds no A/B tests in a journey without splits', () => {
    const { report, journey: cart } = sampleRun();
    expect(splitResults(english, report, cart)).toEqual([]);
  });
});
