import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppService } from '../../../core/adapters/local-app';
import { openDatabase } from '../../../core/adapters/sqlite/database';
import type { SimulationReport } from '../../../core/simulator/report';
import { cli } from '../cli/cli';
import { caseFromTrace, casesFileText } from '../../../core/cases/case-from-trace';
import { readCasesFile } from '../../../core/cases/read-cases';
import { runCases } from '../../../core/cases/run-cases';
import { callerOf, refusal } from './app-calls';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const REES46 = join(ROOT, 'assets', 'samples', 'rees46-multicategory-2019-Oct-head.csv');
const MAP = 'profile_id=user_id,name=event_type,time=event_time';
const T = Date.parse('2026-05-01T10:00:00Z');

function service() {
  let clock = T;
  const app = createAppService({ db: openDatabase(':memory:'), now: () => (clock += 10) });
  const call = callerOf(app);
  return { app, call };
}

describe('data sets', () => {
  it('previews the head of a real export and suggests the column mapping', async () => {
    const { call } = service();
    const head = readFileSync(REES46, 'utf8').slice(0, 20_000);
    const preview = await call('previewDataset', {
      kind: 'events',
      fileName: 'rees46.csv',
      text: head,
    });
    expect(preview.columns).toEqual([
      'event_time',
      'event_type',
      'product_id',
      'category_id',
      'category_code',
      'brand',
      'price',
      'user_id',
      'user_session',
    ]);
    expect(preview.suggestedMapping).toBe(MAP);
    expect(preview.rows).toEqual([]);
    expect(preview.problems[0]?.code).toBe('missing-column');
    const mapped = await call('previewDataset', {
      kind: 'events',
      fileName: 'rees46.csv',
      text: head,
      mapping: MAP,
    });
    expect(mapped.rows).toHaveLength(20);
    expect(mapped.rows[0]).toMatchObject({
      profile_id: '541312140',
      name: 'view',
      time: '2019-10-01T00:00:00.000Z',
      brand: 'shiseido',
    });
    // The head was cut mid-row; the preview does not count the cut row as a problem.
    expect(mapped.problems).toEqual([]);
  });

  it('imports a whole file, reporting progress, and lists it', async () => {
    const { app, call } = service();
    const progress: number[] = [];
    app.on('importProgress', ({ importId, read }) => importId === 'imp-1' && progress.push(read));
    const { dataset, problems } = await call('importDataset', {
      kind: 'events',
      name: 'REES46 October',
      fileName: 'rees46.csv',
      text: readFileSync(REES46, 'utf8'),
      mapping: MAP,
      importId: 'imp-1',
    });
    expect(problems).toEqual([]);
    expect(dataset).toMatchObject({
      kind: 'events',
      name: 'REES46 October',
      rows: 17_434,
      rejected: 0,
      profiles: 4_504,
      firstEvent: '2019-10-01T00:00:00.000Z',
      lastEvent: '2019-10-01T02:50:00.000Z',
      eventNames: { view: 17_055, purchase: 214, cart: 165 },
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(await call('listDatasets', {})).toEqual([dataset]);
    const page = await call('browseEvents', { datasetId: dataset.id, query: 'shiseido', limit: 2 });
    expect(page.total).toBe(
      readFileSync(REES46, 'utf8')
        .split('\n')
        .filter((l) => l.includes('shiseido')).length,
    );
    expect(page.rows).toHaveLength(2);
    expect(page.rows[0]).toMatchObject({ name: 'view', properties: { brand: 'shiseido' } });
  });

  it('keeps the good rows of a file with bad ones, saying which and why', async () => {
    const { call } = service();
    const text =
      'id,email,score\nann,ann@example.com,10\n,nobody@example.com,3\nbo,bo@example.com,7\nann,ann@example.org,\n';
    const { dataset, problems, warnings } = await call('importDataset', {
      kind: 'profiles',
      name: 'People',
      fileName: 'people.csv',
      text,
    });
    expect(dataset).toMatchObject({ rows: 2, rejected: 1 });
    // The repeated id is kept and said, where it was silent before.
    expect(warnings).toEqual([
      {
        code: 'duplicate-ids',
        message:
          '1 row repeats a profile id an earlier row has (first: "ann" on line 5, first on line 2). Each later row updated that profile.',
        values: { rows: 1, id: 'ann', line: 5, firstLine: 2 },
      },
    ]);
    expect(problems).toEqual([
      {
        line: 3,
        code: 'missing-id',
        reason: 'No profile id: the "id" column is empty.',
        column: 'id',
      },
    ]);
    const people = await call('browseProfiles', { datasetId: dataset.id });
    // A later row of the same profile updates it.
    expect(people.rows).toEqual([
      { id: 'ann', attributes: { id: 'ann', email: 'ann@example.org', score: 10 } },
      { id: 'bo', attributes: { id: 'bo', email: 'bo@example.com', score: 7 } },
    ]);
  });

  it('refuses a file it cannot read at all, and keeps nothing', async () => {
    const { call } = service();
    const error = await refusal(
      call('importDataset', {
        kind: 'events',
        name: 'x',
        fileName: 'x.csv',
        text: 'when,what\n1,2\n',
      }),
    );
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/profile_id/);
    const nothing = await refusal(
      call('importDataset', {
        kind: 'events',
        name: 'x',
        fileName: 'x.csv',
        text: 'profile_id,name,time\np,view,never\n',
      }),
    );
    expect(nothing.message).toMatch(/No row of x.csv could be read \(line 2: "never"/);
    expect(await call('listDatasets', {})).toEqual([]);
  });

  it('generates the same sample customers for the same seed', async () => {
    const { call } = service();
    const one = await call('generateSampleData', {
      count: 300,
      days: 14,
      seed: 5,
      start: '2026-05-01T00:00:00Z',
    });
    const two = await call('generateSampleData', {
      count: 300,
      days: 14,
      seed: 5,
      start: '2026-05-01T00:00:00Z',
    });
    expect(one.profiles.rows).toBe(300);
    expect(two.events.rows).toBe(one.events.rows);
    const a = await call('browseProfiles', { datasetId: one.profiles.id, limit: 5 });
    const b = await call('browseProfiles', { datasetId: two.profiles.id, limit: 5 });
    expect(a.rows).toEqual(b.rows);
    expect(one.events.eventNames).toMatchObject({ view: expect.any(Number) as unknown });
    await call('deleteDataset', { id: one.profiles.id });
    expect((await call('listDatasets', {})).map((d) => d.id)).not.toContain(one.profiles.id);
  });
  it('names sample customers in the language asked for, the same people otherwise', async () => {
    const { call } = service();
    const input = { count: 50, days: 7, seed: 5, start: '2026-05-01T00:00:00Z' };
    const english = await call('generateSampleData', input);
    const swedish = await call('generateSampleData', {
      ...input,
      names: 'sv',
      datasetNames: { profiles: 'Exempelkunder – profiler', events: 'Exempelkunder – händelser' },
    });
    expect(swedish.events.rows).toBe(english.events.rows);
    expect([english.profiles.name, swedish.profiles.name, swedish.events.name]).toEqual([
      'Sample customers (50, seed 5) – profiles',
      'Exempelkunder – profiler',
      'Exempelkunder – händelser',
    ]);
    const en = await call('browseProfiles', { datasetId: english.profiles.id, limit: 50 });
    const sv = await call('browseProfiles', { datasetId: swedish.profiles.id, limit: 50 });
    expect(sv.rows.map((p) => p.attributes.persona)).toEqual(
      en.rows.map((p) => p.attributes.persona),
    );
    expect(sv.rows.map((p) => p.attributes.first_name)).not.toEqual(
      en.rows.map((p) => p.attributes.first_name),
    );
    expect(sv.rows.some((p) => /[åäö]/i.test(String(p.attributes.last_name)))).toBe(true);
  });
});

describe('simulation from the app', () => {
  async function withCart() {
    const s = service();
    const journey = await s.call('createJourney', { name: 'Cart', templateId: 'abandoned-cart' });
    const { dataset } = await s.call('importDataset', {
      kind: 'events',
      name: 'REES46',
      fileName: 'rees46.csv',
      text: readFileSync(REES46, 'utf8'),
      mapping: MAP,
    });
    return { ...s, journeyId: journey.journey.id, events: dataset.id };
  }

  it('gives the same numbers as the command line for the same inputs', async () => {
    const { call, journeyId, events } = await withCart();
    const run = await call('simulate', { journeyId, eventsDatasetId: events, days: 3 });
    const file = join(ROOT, 'assets', 'templates', 'abandoned-cart.json');
    const out = join(mkdtempSync(join(tmpdir(), 'js-app-')), 'report.json');
    const result = await cli(
      'simulate',
      file,
      '--events',
      REES46,
      '--map',
      MAP,
      '--days',
      '3',
      '--json',
      out,
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as SimulationReport;
    const { journey: _j, ...fromApp } = run.report;
    const { journey: _k, ...fromCli } = report;
    expect(fromApp).toEqual(fromCli);
    expect(run).toMatchObject({ profiles: 4_504, enrollments: 123, conversions: 70 });
  });

  it('reports progress, keeps runs newest first, and can be read back', async () => {
    const { app, call, journeyId, events } = await withCart();
    const progress: { done: number; total: number }[] = [];
    app.on(
      'simulationProgress',
      ({ runId, done, total }) => runId === 'run-0001' && progress.push({ done, total }),
    );
    const first = await call('simulate', { journeyId, eventsDatasetId: events, runId: 'run-0001' });
    const second = await call('simulate', { journeyId, eventsDatasetId: events, seed: 3 });
    expect(progress.at(-1)).toEqual({ done: 4_504, total: 4_504 });
    expect((await call('listSimulationRuns', { journeyId })).map((r) => r.id)).toEqual([
      second.id,
      first.id,
    ]);
    expect((await call('getSimulationRun', { id: first.id })).report).toEqual(first.report);
  });

  it('simulates the editor’s unsaved document', async () => {
    const { call, journeyId, events } = await withCart();
    const saved = (await call('getJourney', { id: journeyId })).journey;
    const shorter = {
      ...saved,
      nodes: saved.nodes.map((n) =>
        n.kind === 'wait' && n.config.duration === 'PT1H'
          ? { ...n, config: { mode: 'duration', duration: 'PT5M' } }
          : n,
      ),
    };
    const asSaved = await call('simulate', { journeyId, eventsDatasetId: events });
    const edited = await call('simulate', { journeyId, eventsDatasetId: events, journey: shorter });
    expect(edited.journey.nodes.find((n) => n.id === 'wait-1h')?.config).toEqual({
      mode: 'duration',
      duration: 'PT5M',
    });
    expect(edited.report.nodes['reminder-1']?.entered).toBeGreaterThan(
      asSaved.report.nodes['reminder-1']?.entered ?? 0,
    );
    // The saved journey is left as it was.
    expect((await call('getJourney', { id: journeyId })).journey).toEqual(saved);
  });

  it('traces one profile exactly as the whole run saw it', async () => {
    const { call, journeyId, events } = await withCart();
    const run = await call('simulate', { journeyId, eventsDatasetId: events, days: 2 });
    const someone = run.report.samples['reminder-1']?.[0];
    expect(someone).toBeDefined();
    const trace = await call('traceProfile', { runId: run.id, profileId: someone ?? '' });
    expect(trace.found).toBe(true);
    expect(trace.steps.map((s) => s.nodeId).filter(Boolean)).toContain('reminder-1');
    expect(trace.steps[0]?.text).toBe('entered on event cart');
    expect((await call('traceProfile', { runId: run.id, profileId: 'nobody' })).found).toBe(false);
  });

  it('traces a profile with the events its path depends on, enough to replay it as a test case', async () => {
    const { call, journeyId, events } = await withCart();
    const run = await call('simulate', { journeyId, eventsDatasetId: events, days: 2 });
    const someone = run.report.samples['reminder-1']?.[0] ?? '';
    const trace = await call('traceProfile', { runId: run.id, profileId: someone });
    const kept = trace.events ?? [];
    expect(kept.length).toBeGreaterThan(0);
    // Views move nothing in this journey: only its entry and goal events come back, oldest first.
    expect(kept.filter((e) => e.name !== 'cart' && e.name !== 'purchase')).toEqual([]);
    expect(kept.map((e) => e.time)).toEqual([...kept.map((e) => e.time)].sort());
    const made = caseFromTrace(
      run.journey,
      {
        profileId: someone,
        attributes: trace.attributes ?? {},
        events: kept.map((e) => ({ ...e, time: Date.parse(e.time) })),
        steps: trace.steps,
        messages: trace.messages.map((m) => ({ ...m, at: Date.parse(m.at) })),
      },
      {
        start: Date.parse(run.report.window.start),
        end: Date.parse(run.report.window.end),
        seed: run.params.seed,
        name: 'Path',
      },
    );
    if (!made.ok) throw new Error(made.message);
    const read = readCasesFile(casesFileText(journeyId, [made.case]), run.journey);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(runCases(run.journey, read.cases)[0]?.passed).toBe(true);
  });

  it('refuses what cannot be simulated, saying why', async () => {
    const { call, journeyId, events } = await withCart();
    expect((await refusal(call('simulate', { journeyId }))).message).toMatch(/Choose sample data/);
    expect((await refusal(call('simulate', { journeyId, eventsDatasetId: 'nope' }))).code).toBe(
      'not-found',
    );
    expect(
      (
        await refusal(
          call('simulate', {
            journeyId,
            eventsDatasetId: events,
            end: '2019-10-02T00:00:00Z',
            days: 2,
          }),
        )
      ).field,
    ).toBe('days');
    const broken = await call('createJourney', { name: 'Empty' });
    expect(
      (await refusal(call('simulate', { journeyId: broken.journey.id, eventsDatasetId: events })))
        .message,
    ).toMatch(/problems to fix/);
  });
});
