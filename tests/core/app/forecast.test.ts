import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/contract';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import type { Journey } from '../../../core/model/journey';
import { chain, journey, node } from '../build';
import { callerOf } from './app-calls';

const T = Date.parse('2026-05-01T10:00:00Z');

async function forecastService(people = 30) {
  let clock = T;
  const app = createAppService({ db: openDatabase(':memory:'), now: () => (clock += 10) });
  const call = callerOf(app);
  const ids = Array.from({ length: people }, (_, i) => `p${i}`);
  const profiles = await call('importDataset', {
    kind: 'profiles',
    name: 'People',
    fileName: 'people.csv',
    text: `id,email\n${ids.map((id) => `${id},${id}@example.com`).join('\n')}\n`,
  });
  const events = await call('importDataset', {
    kind: 'events',
    name: 'Signups',
    fileName: 'signups.csv',
    text: `profile_id,name,time\n${ids.map((id, i) => `${id},signup,2026-03-02T0${i % 10}:00:00Z`).join('\n')}\n`,
  });
  const { journey: saved } = await call('createJourney', { name: 'Welcome' });
  // Everyone who gets the welcome buys within the hour because of it.
  const document: Journey = {
    ...journey(
      [
        node('start', 'trigger', { on: 'event', event: 'signup' }),
        node('welcome', 'message', {
          channel: 'email',
          from: 'shop@example.com',
          subject: 'Welcome',
          html: '<p>Hi</p>',
          expect: { open: 1, convert: 1, within: 'PT1H' },
        }),
      ],
      chain('start', 'welcome'),
      { goal: { event: 'purchase', exit: true, within: 'P1D' } },
    ),
    id: saved.id,
  };
  const params = {
    journeyId: saved.id,
    journey: document,
    profilesDatasetId: profiles.dataset.id,
    eventsDatasetId: events.dataset.id,
    start: '2026-03-02T00:00:00Z',
    days: 3,
  };
  return { app, call, params };
}

describe('forecast mode in the app', () => {
  it('forecasts over runs, lists its assumptions, and reports progress with the time left', async () => {
    const { app, call, params } = await forecastService();
    const progress: { done: number; total: number; runs?: number; etaMs?: number }[] = [];
    app.on('simulationProgress', ({ runId: _r, ...p }) => progress.push(p));
    const run = await call('simulate', {
      ...params,
      runId: 'forecast-0001',
      forecast: { runs: 12, defaults: false },
    });
    expect(run.params.forecast).toEqual({ runs: 12, defaults: false });
    expect(run.report.forecast?.runs).toBe(12);
    expect(run.report.forecast?.conversions.caused).toEqual({
      mean: 30,
      p10: 30,
      p50: 30,
      p90: 30,
    });
    expect(
      run.report.assumptions?.map((a) => ('node' in a ? `${a.node} ${a.outcome}` : a.outcome)),
    ).toEqual(['welcome open', 'welcome convert', 'value']);
    expect(progress.at(-1)).toEqual({ done: 30, total: 30, runs: 12, etaMs: 0 });
    // A stored run reads back whole.
    expect((await call('getSimulationRun', { id: run.id })).report).toEqual(run.report);
  });

  it('fills what the journey leaves open with the library’s rates when asked', async () => {
    const { call, params } = await forecastService(10);
    const run = await call('simulate', { ...params, forecast: { runs: 3 } });
    const sources = new Set(run.report.assumptions?.map((a) => a.source));
    expect(sources).toEqual(new Set(['node', 'default', 'event']));
    expect(run.report.assumptions).toContainEqual(
      expect.objectContaining({ node: 'welcome', outcome: 'click', source: 'default' }),
    );
  });

  it('traces a profile of a forecast with the responses of its first run', async () => {
    const { call, params } = await forecastService(5);
    const run = await call('simulate', { ...params, forecast: { runs: 4, defaults: false } });
    const trace = await call('traceProfile', { runId: run.id, profileId: 'p0' });
    expect(trace.steps.map((s) => s.text)).toContain('converted: performed purchase');
    const replay = await call('simulate', params);
    expect(replay.report.forecast).toBeUndefined();
    const plain = await call('traceProfile', { runId: replay.id, profileId: 'p0' });
    expect(plain.steps.map((s) => s.text)).not.toContain('converted: performed purchase');
  });

  it('stops a forecast when asked, and keeps nothing of it', async () => {
    const { app, call, params } = await forecastService(200);
    let asked: Promise<{ cancelled: boolean }> | undefined;
    app.on('simulationProgress', ({ runId }) => {
      if (runId === 'stop-me-0001' && !asked) asked = call('cancelSimulation', { runId });
    });
    const running = call('simulate', {
      ...params,
      runId: 'stop-me-0001',
      forecast: { runs: 1000, defaults: false },
    });
    const error = await running.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('cancelled');
    expect(await asked).toEqual({ cancelled: true });
    expect(await call('listSimulationRuns', { journeyId: params.journeyId })).toEqual([]);
    expect(await call('cancelSimulation', { runId: 'stop-me-0001' })).toEqual({ cancelled: false });
  });

  it('says which assumption moves conversions most, with progress, and refuses a replay', async () => {
    const { app, call, params } = await forecastService();
    const run = await call('simulate', { ...params, forecast: { runs: 12, defaults: false } });
    const progress: { done: number; total: number; runs?: number }[] = [];
    app.on('simulationProgress', ({ runId, etaMs: _e, ...p }) => {
      if (runId === 'tornado-0001') progress.push(p);
    });
    const result = await call('forecastSensitivity', { runId: run.id, callId: 'tornado-0001' });
    expect(result).toMatchObject({ change: 0.5, runs: 20, base: 30 });
    // Everyone buys because of the welcome: at half its rate about half of the 30, at 1.5 × 1
    // (capped at 1) all of them. Opens change nothing here.
    const [convert, open] = result.swings;
    expect(convert).toMatchObject({ node: 'welcome', outcome: 'convert', rate: 1, source: 'node' });
    expect(convert?.high).toEqual({ rate: 1, conversions: 30 });
    expect(convert?.low.rate).toBe(0.5);
    expect(Math.abs((convert?.low.conversions ?? 0) - 15)).toBeLessThan(4 * Math.sqrt(7.5 / 20));
    expect(convert?.swing).toBeCloseTo(30 - (convert?.low.conversions ?? 0), 9);
    expect(open).toMatchObject({ outcome: 'open', swing: 0 });
    // The base and both sides of both rates: five forecasts of the 30 people.
    expect(progress.at(-1)).toEqual({ done: 150, total: 150, runs: 20 });
    expect(await call('listSimulationRuns', { journeyId: params.journeyId })).toHaveLength(1);

    const replay = await call('simulate', params);
    const refused = await call('forecastSensitivity', { runId: replay.id }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'invalid-request', field: 'runId' });
    expect((refused as ApiError).message).toMatch(/only a forecast has assumptions to vary/);
  });

  it('stops a sensitivity analysis when asked', async () => {
    const { app, call, params } = await forecastService(200);
    const run = await call('simulate', { ...params, forecast: { runs: 2, defaults: false } });
    let asked: Promise<{ cancelled: boolean }> | undefined;
    app.on('simulationProgress', ({ runId }) => {
      if (runId === 'tornado-stop-1' && !asked) asked = call('cancelSimulation', { runId });
    });
    const error = await call('forecastSensitivity', {
      runId: run.id,
      callId: 'tornado-stop-1',
      runs: 100,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(await asked).toEqual({ cancelled: true });
  });
});
