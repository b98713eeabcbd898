import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type AppInput } from '../../../core/api/contract';
import type { RunSummary, SimulationRun } from '../../../core/api/simulation-contract';
import { readCasesFile } from '../../../core/cases/read-cases';
import { runCases } from '../../../core/cases/run-cases';
import type { JourneyEvent } from '../../../core/model/event';
import { makeProfile } from '../../../core/model/profile';
import { simulate } from '../../../core/simulator/simulate';
import type { Locale } from '../../../renderer/i18n/locales';
import { TraceTab } from '../../../renderer/simulation/TraceTab';
import { createAppStore } from '../../../renderer/store/app-store';
import { loadJourney } from '../../core/fixtures';
import { fakeApi } from '../fake-api';
import { renderApp } from '../render-app';

const journey = loadJourney('abandoned-cart.json');
const at = (time: string) => Date.parse(`2026-03-04T${time}:00Z`);
const START = at('09:00');
const END = at('23:00');
const ann = makeProfile('ann', { email: 'ann@example.com', first_name: 'Ann' });
const annEvents: JourneyEvent[] = [
  { profileId: 'ann', name: 'view', time: at('09:55'), properties: { page: '/scarves' } },
  { profileId: 'ann', name: 'cart', time: at('10:00'), properties: { brand: 'Acme' } },
];

/** The app over a fake engine that has one run of the cart journey and traces Ann in it. */
async function tracedAnn(locale: Locale = 'en', followed = 'ann') {
  const whole = simulate({ journey, profiles: [ann], events: annEvents, start: START, end: END });
  const summary: RunSummary = {
    id: 'run-1',
    journeyId: journey.id,
    journeyName: journey.name,
    createdAt: new Date(END).toISOString(),
    params: { journeyId: journey.id, eventsDatasetId: 'ds-events', seed: 0 },
    durationMs: 12,
    profiles: 1,
    enrollments: whole.report.enrollments,
    conversions: 0,
    sent: 1,
    active: 0,
  };
  const run: SimulationRun = { ...summary, journey, report: whole.report };
  const saved: AppInput<'saveFile'>[] = [];
  const api = {
    ...fakeApi([journey]),
    listSimulationRuns: () => Promise.resolve([summary]),
    getSimulationRun: () => Promise.resolve(structuredClone(run)),
    traceProfile: ({ profileId }: { profileId: string }) => {
      // The engine keeps a journey's newest runs only; an older one is gone.
      if (profileId === 'gone')
        return Promise.reject(
          new ApiError('not-found', 'There is no simulation run "run-1".', 'runId'),
        );
      const traced = simulate({
        journey,
        profiles: [ann],
        events: annEvents,
        start: START,
        end: END,
        trace: new Set([profileId]),
      });
      return Promise.resolve({
        profileId,
        found: true,
        attributes: { ...ann.attributes },
        // As the engine answers: only the events the journey reacts to.
        events: [
          {
            name: 'cart',
            time: new Date(at('10:00')).toISOString(),
            properties: { brand: 'Acme' },
          },
        ],
        steps: traced.traces.get(profileId) ?? [],
        messages: traced.messages.map((m) => ({
          nodeId: m.nodeId,
          channel: m.channel,
          to: m.to,
          at: new Date(m.at).toISOString(),
          content: { ...m.content },
        })),
      });
    },
    saveFile: (input: AppInput<'saveFile'>) => {
      saved.push(input);
      return Promise.resolve({ canceled: false as const, fileName: input.suggestedName });
    },
  };
  const store = createAppStore(api);
  store.getState().loadJourney(journey, 1);
  await store.getState().loadSimulationRuns();
  await store.getState().traceProfile(followed);
  const shown = store.getState().simulation.run;
  if (!shown) throw new Error('no run shown');
  renderApp(<TraceTab run={shown} />, { store, locale });
  return { saved };
}

describe("saving a traced person's path as a test case", () => {
  beforeAll(() => {
    // The trace scrolls its current step into view; jsdom lays nothing out.
    Element.prototype.scrollIntoView ??= () => undefined;
  });

  it('saves a cases file that expects exactly the path shown, and passes on the journey', async () => {
    const user = userEvent.setup();
    const { saved } = await tracedAnn();
    await user.click(
      screen.getByRole('button', { name: 'Save this person’s path as a test case' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('trace-save-case-status').textContent).toBe(
        'Saved the test case in “abandoned-cart.cases.json”.',
      ),
    );
    expect(saved).toHaveLength(1);
    expect(saved[0]?.kind).toBe('cases');
    const file = JSON.parse(saved[0]?.text ?? '{}') as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'journey-studio/cases',
      version: 1,
      journey: 'abandoned-cart',
      cases: [
        {
          name: 'Path of ann',
          profile: { id: 'ann', email: 'ann@example.com', first_name: 'Ann' },
          start: '2026-03-04T09:00:00Z',
          end: '2026-03-04T23:00:00Z',
          events: [{ name: 'cart', at: '2026-03-04T10:00:00Z', properties: { brand: 'Acme' } }],
          expect: {
            path: ['start', 'wait1', 'bought', 'mail1'],
            messages: [{ node: 'mail1', at: '2026-03-04T10:30:00Z' }],
            skips: [],
            outcome: 'completed',
          },
        },
      ],
    });
    const read = readCasesFile(saved[0]?.text ?? '', journey);
    expect(read.ok && runCases(journey, read.cases).map((r) => r.passed)).toEqual([true]);
  });

  it('speaks Swedish, the case name included', async () => {
    const user = userEvent.setup();
    const { saved } = await tracedAnn('sv');
    const button = screen.getByRole('button', { name: 'Spara personens väg som testfall' });
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Kör den med: npm run cli -- test/)).toBeTruthy();
    await user.click(button);
    await waitFor(() =>
      expect(screen.getByTestId('trace-save-case-status').textContent).toBe(
        'Testfallet sparades i ”abandoned-cart.cases.json”.',
      ),
    );
    const file = JSON.parse(saved[0]?.text ?? '{}') as { cases: { name: string }[] };
    expect(file.cases[0]?.name).toBe('Vägen för ann');
  });

  it('says in Swedish and Norwegian when the run is no longer kept, and what to do', async () => {
    await tracedAnn('sv', 'gone');
    expect(screen.getByTestId('trace-error').textContent).toBe(
      'Den här simuleringen finns inte längre kvar (en resa sparar sina 20 senaste). Kör simuleringen igen för att följa gone.',
    );
    cleanup();
    await tracedAnn('nb', 'gone');
    expect(screen.getByTestId('trace-error').textContent).toBe(
      'Denne simuleringen er ikke lenger lagret (en reise tar vare på de 20 nyeste). Kjør simuleringen på nytt for å følge gone.',
    );
  });
});
