import { describe, expect, it } from 'vitest';
import type { ExecutionInfo, ExecutionState } from '../../../core/api/execution-contract';
import { runControls, stopConsequences } from '../../../renderer/execution/run-controls';
import { counts } from './execution-fake';
import { wordsIn } from '../words';

const { t } = wordsIn();

function info(state: ExecutionState, change: Partial<ExecutionInfo> = {}): ExecutionInfo {
  return {
    journeyId: 'j',
    state,
    changedSincePublish: state === 'unpublished',
    ...(state !== 'unpublished' && { latestVersion: 2 }),
    ...(state === 'running' && { liveVersion: 2 }),
    counts: counts('j'),
    ...change,
  };
}

const facts = { dirty: false, errors: 0, pending: null };

function enabled(state: ExecutionState, change: Partial<ExecutionInfo> = {}) {
  const c = runControls(t, { ...facts, info: info(state, change) });
  return {
    label: c.label,
    publish: c.publish.enabled,
    start: c.start.enabled,
    startLabel: c.start.label,
    pause: c.pause.enabled,
    stop: c.stop.enabled,
  };
}

describe('run controls by state', () => {
  it('names each state and enables only what makes sense in it', () => {
    expect(enabled('unpublished')).toEqual({
      label: 'Unpublished',
      publish: true,
      start: false,
      startLabel: 'Start',
      pause: false,
      stop: false,
    });
    expect(enabled('ready')).toEqual({
      label: 'Ready',
      publish: false,
      start: true,
      startLabel: 'Start',
      pause: false,
      stop: false,
    });
    expect(enabled('running')).toEqual({
      label: 'Running v2',
      publish: false,
      start: false,
      startLabel: 'Start',
      pause: true,
      stop: true,
    });
    expect(enabled('paused')).toEqual({
      label: 'Paused',
      publish: false,
      start: true,
      startLabel: 'Resume',
      pause: false,
      stop: true,
    });
    expect(enabled('stopped')).toEqual({
      label: 'Stopped',
      publish: false,
      start: true,
      startLabel: 'Start',
      pause: false,
      stop: false,
    });
  });

  it('offers to publish whenever the saved journey is newer than the newest version', () => {
    for (const state of ['ready', 'running', 'paused', 'stopped'] as const) {
      expect(enabled(state, { changedSincePublish: true }).publish).toBe(true);
    }
    const unchanged = runControls(t, { ...facts, info: info('ready') });
    expect(unchanged.publish.reason).toMatch(/Nothing new to publish: version 2/);
  });

  it('refuses to publish unsaved or broken journeys, and says why', () => {
    const unsaved = runControls(t, { ...facts, dirty: true, info: info('unpublished') });
    expect(unsaved.publish).toEqual({
      enabled: false,
      reason: 'Save the journey first: publishing freezes the journey as saved.',
    });
    const broken = runControls(t, { ...facts, errors: 3, info: info('running') });
    expect(broken.publish.enabled).toBe(false);
    expect(broken.publish.reason).toMatch(/Fix the journey’s 3 problems first/);
    // The journey already running keeps its controls.
    expect(broken.pause.enabled).toBe(true);
    // Saving would not make a broken journey publishable: the problems are named first.
    const both = runControls(t, { ...facts, dirty: true, errors: 1, info: info('unpublished') });
    expect(both.publish.reason).toMatch(/^Fix the journey’s problem first; the problems bar/);
  });

  it('disables everything while a call is under way or the state is not known yet', () => {
    const busy = runControls(t, { ...facts, pending: 'running', info: info('ready') });
    expect([busy.publish, busy.start, busy.pause, busy.stop].some((c) => c.enabled)).toBe(false);
    const unknown = runControls(t, { ...facts, info: null });
    expect(unknown.label).toBe('…');
    expect(unknown.start.enabled).toBe(false);
  });

  it('tells what stopping does to the people inside and the queued messages', () => {
    const lines = stopConsequences(
      t,
      info('running', {
        counts: counts('j', { active: 12, messages: { ...counts('j').messages, pending: 1 } }),
      }),
    );
    expect(lines[0]).toBe('12 profiles inside the journey leave it at once.');
    expect(lines[1]).toBe('1 message not yet sent is cancelled.');
  });
});
