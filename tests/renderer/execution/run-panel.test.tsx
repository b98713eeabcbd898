import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../core/api/contract';
import { RunPanel } from '../../../renderer/execution/RunPanel';
import type { Locale } from '../../../renderer/i18n/locales';
import { loadJourney } from '../../core/fixtures';
import { renderApp } from '../render-app';
import { engineApi, storeWith } from './execution-fake';

function setup(prepare?: (engine: ReturnType<typeof engineApi>) => void, locale: Locale = 'en') {
  const journey = loadJourney('abandoned-cart.json');
  const engine = engineApi([journey]);
  prepare?.(engine);
  const { store, state } = storeWith(journey, engine);
  state().setRunOpen(true);
  renderApp(<RunPanel />, { store, locale });
  return { store, state, engine, journey };
}

const button = (id: string) => screen.getByTestId<HTMLButtonElement>(id);
const stateText = () => screen.getByTestId('run-state').textContent;

async function shows(label: string) {
  await waitFor(() => expect(stateText()).toBe(label));
}

describe('run panel', () => {
  it('shows a start, pause or stop made in another window at once, without reading again', async () => {
    const { engine, journey } = setup((e) => {
      e.setExecution({ journeyId: 'abandoned-cart', state: 'ready', latestVersion: 1 });
    });
    await shows('Ready');
    act(() => {
      engine.pushExecution({
        journeyId: journey.id,
        state: 'running',
        latestVersion: 1,
        liveVersion: 1,
      });
    });
    await shows('Running v1');
    act(() => {
      engine.pushExecution({ journeyId: 'another-journey', state: 'stopped' });
    });
    act(() => {
      engine.pushExecution({ journeyId: journey.id, state: 'paused', latestVersion: 1 });
    });
    await shows('Paused');
    expect(button('run-start').textContent).toMatch(/Resume/);
  });

  it('takes a saved, valid journey from unpublished to running, paused and back', async () => {
    const user = userEvent.setup();
    setup();
    await shows('Unpublished');
    expect(button('run-publish').disabled).toBe(false);
    expect(button('run-start').disabled).toBe(true);
    expect(button('run-pause').disabled).toBe(true);
    expect(button('run-stop').disabled).toBe(true);
    expect(screen.getByTestId('run-latest-version').textContent).toBe('none yet');

    await user.click(button('run-publish'));
    await user.click(await screen.findByTestId('publish-confirm'));
    await shows('Ready');
    expect(screen.getByTestId('run-latest-version').textContent).toBe('v1');
    expect(button('run-publish').disabled).toBe(true);
    expect(screen.getByTestId('run-publish-hint').textContent).toMatch(/Nothing new to publish/);
    expect(button('run-start').disabled).toBe(false);

    await user.click(button('run-start'));
    await user.click(await screen.findByTestId('start-confirm'));
    await shows('Running v1');
    expect(screen.getByTestId('run-live-version').textContent).toBe('v1');
    expect(button('run-start').disabled).toBe(true);
    expect(button('run-pause').disabled).toBe(false);
    expect(button('run-stop').disabled).toBe(false);

    await user.click(button('run-pause'));
    await shows('Paused');
    expect(button('run-start').textContent).toContain('Resume');
    expect(button('run-pause').disabled).toBe(true);
    expect(button('run-stop').disabled).toBe(false);
    await user.click(button('run-start'));
    await user.click(await screen.findByTestId('start-confirm'));
    await shows('Running v1');
  });

  it('asks before stopping, saying who leaves and what is cancelled', async () => {
    const user = userEvent.setup();
    setup((engine) =>
      engine.setExecution({
        journeyId: 'abandoned-cart',
        state: 'running',
        latestVersion: 2,
        liveVersion: 2,
        changedSincePublish: false,
        counts: {
          journeyId: 'abandoned-cart',
          entered: 40,
          active: 7,
          completed: 30,
          converted: 5,
          exited: 3,
          nodes: {},
          messages: { pending: 2, delivered: 20, dead: 1, cancelled: 0 },
        },
      }),
    );
    await shows('Running v2');
    await user.click(button('run-stop'));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('run-stop-consequences').textContent).toContain(
      '7 profiles inside the journey leave it at once.',
    );
    expect(dialog.textContent).toContain('2 messages not yet sent are cancelled.');
    await user.click(within(dialog).getByTestId('run-stop-cancel'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(stateText()).toBe('Running v2');

    await user.click(button('run-stop'));
    await user.click(screen.getByTestId('run-stop-confirm'));
    await shows('Stopped');
    expect(button('run-start').disabled).toBe(false);
    expect(button('run-stop').disabled).toBe(true);
  });

  it('says plainly that an unsaved journey must be saved before publishing', async () => {
    const user = userEvent.setup();
    const { state } = setup();
    await shows('Unpublished');
    act(() => state().updateLabel('wait1', 'Give them an hour'));
    await waitFor(() => expect(state().dirty).toBe(true));
    expect(button('run-publish').disabled).toBe(true);
    expect(screen.getByTestId('run-publish-hint').textContent).toMatch(
      /Save the journey first: publishing freezes the journey as saved\./,
    );
    await user.click(screen.getByTestId('run-save'));
    await waitFor(() => expect(button('run-publish').disabled).toBe(false));
  });

  it('says that a journey with errors must be fixed first', async () => {
    const { state } = setup();
    await shows('Unpublished');
    act(() => {
      state().select(['start']);
      state().deleteSelection();
    });
    await waitFor(() => expect(state().validation.errors).toBeGreaterThan(0));
    expect(button('run-publish').disabled).toBe(true);
    expect(screen.getByTestId('run-publish-hint').textContent).toMatch(/Fix the journey’s/);
  });

  it('shows changes not yet published, and what the engine says when it refuses', async () => {
    const user = userEvent.setup();
    const { engine } = setup((e) =>
      e.setExecution({
        journeyId: 'abandoned-cart',
        state: 'paused',
        latestVersion: 3,
        changedSincePublish: true,
      }),
    );
    await shows('Paused');
    expect(screen.getByTestId('run-changed').textContent).toBe(
      'Changes not yet published: the saved journey differs from v3.',
    );
    expect(button('run-publish').disabled).toBe(false);
    engine.failures.setExecutionState = new ApiError(
      'conflict',
      'Another engine holds the database; close it and try again.',
    );
    await user.click(button('run-start'));
    await user.click(await screen.findByTestId('start-confirm'));
    expect((await screen.findByTestId('run-error')).textContent).toBe(
      'Another engine holds the database; close it and try again.',
    );
    expect(stateText()).toBe('Paused');
  });

  it('tells when the engine is not running here', async () => {
    setup((e) =>
      e.setEngine({ running: false, problem: 'The command line’s serve holds the database.' }),
    );
    expect((await screen.findByTestId('run-engine-problem')).textContent).toContain(
      'The command line’s serve holds the database.',
    );
  });

  it('says in Swedish and Norwegian who holds the database, and why email is held back', async () => {
    const held = (e: ReturnType<typeof engineApi>) =>
      e.setEngine({
        running: false,
        problem: 'Another Journey Studio engine (process 4242) is running on this database.',
        problemCode: 'engine-busy',
        problemValues: { pid: 4242 },
        email: 'smtp',
        emailProblem: 'Email through smtp.shop.se would carry unsubscribe links to this computer.',
        emailProblemCode: 'links-unreachable',
        emailProblemValues: { host: 'smtp.shop.se' },
      });
    setup(held, 'sv');
    expect((await screen.findByTestId('run-engine-problem')).textContent).toBe(
      'Motorn körs inte här. En annan Journey Studio-motor (process 4242) körs på den här databasen – kommandoradens run eller serve, eller ett annat fönster. Stoppa den för att köra resor från appen.',
    );
    expect(screen.getByTestId('run-email-problem').textContent).toMatch(
      /^E-post hålls tillbaka\. E-post via smtp\.shop\.se skulle ha avregistreringslänkar till den här datorn/,
    );
    cleanup();
    setup(held, 'nb');
    expect((await screen.findByTestId('run-engine-problem')).textContent).toBe(
      'Motoren kjører ikke her. En annen Journey Studio-motor (prosess 4242) kjører på denne databasen – kommandolinjens run eller serve, eller et annet vindu. Stopp den for å kjøre reiser fra appen.',
    );
    expect(screen.getByTestId('run-email-problem').textContent).toMatch(
      /^E-post holdes tilbake\. E-post via smtp\.shop\.se ville hatt avmeldingslenker til denne datamaskinen/,
    );
  });

  it('reads a problem it has no words for in the engine’s own English', async () => {
    setup(
      (e) =>
        e.setEngine({
          running: false,
          problem: 'The server’s disk is full.',
          problemCode: 'disk-full',
          problemValues: {},
        }),
      'sv',
    );
    expect((await screen.findByTestId('run-engine-problem')).textContent).toBe(
      'Motorn körs inte här. The server’s disk is full.',
    );
  });

  it('speaks Swedish: the state, what it means, the buttons and what stopping does', async () => {
    const user = userEvent.setup();
    setup(
      (engine) =>
        engine.setExecution({
          journeyId: 'abandoned-cart',
          state: 'running',
          latestVersion: 2,
          liveVersion: 2,
          changedSincePublish: false,
          since: '2026-03-04T14:05:00.000Z',
          counts: {
            journeyId: 'abandoned-cart',
            entered: 4000,
            active: 1234,
            completed: 2000,
            converted: 500,
            exited: 266,
            nodes: {},
            messages: { pending: 1, delivered: 20, dead: 1, cancelled: 0 },
          },
        }),
      'sv',
    );
    await shows('Körs v2');
    expect(screen.getByText('Live: nya profiler går in när deras händelser kommer.')).toBeTruthy();
    // 24-hour clock, the Swedish way.
    expect(screen.getByTestId('run-since').textContent).toMatch(/^sedan .*\d\d:05$/);
    expect(screen.getByRole('tab', { name: 'Testhändelse' })).toBeTruthy();
    expect(button('run-pause').textContent).toContain('Pausa');
    expect(button('run-publish').title).toBe(
      'Inget nytt att publicera: version 2 är resan som den är sparad.',
    );
    await user.click(button('run-stop'));
    const dialog = screen.getByRole('dialog', { name: 'Stoppa resan?' });
    const lines = within(dialog).getByTestId('run-stop-consequences').textContent;
    expect(lines).toContain('1\u00a0234 profiler inne i resan lämnar den direkt.');
    expect(lines).toContain('1 meddelande som inte har skickats än avbryts.');
    expect(within(dialog).getByTestId('run-stop-cancel').textContent).toBe('Låt den fortsätta');
  });
});
