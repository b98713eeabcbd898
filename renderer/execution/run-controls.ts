import type {
  ExecutionInfo,
  ExecutionState,
  OutboxMessageStatus,
} from '../../core/api/execution-contract';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';

/** What is being asked of the engine: a publish, or a change of state. */
export type RunAction = 'publish' | 'running' | 'paused' | 'stopped';

/** A control, and, when it cannot be used, why in words. */
export interface Control {
  enabled: boolean;
  reason?: string;
}

export interface RunControls {
  /** `Running v3`, `Paused`, … in the chosen language. */
  label: string;
  /** One sentence on what the state means for the people in the journey. */
  meaning: string;
  publish: Control;
  /** Start, or Resume when paused (the view words it). */
  start: Control & { label: 'Start' | 'Resume' };
  pause: Control;
  stop: Control;
}

export interface RunFacts {
  info: ExecutionInfo | null;
  /** The editor holds changes that are not saved. */
  dirty: boolean;
  /** Errors in the journey as edited. */
  errors: number;
  /** A call to the engine is under way. */
  pending: RunAction | null;
}

/** The state as the run panel names it. */
export function stateLabel(
  t: Translate,
  info: Pick<ExecutionInfo, 'state' | 'liveVersion'>,
): string {
  if (info.state === 'running' && info.liveVersion !== undefined)
    return t('run.state.runningVersion', { version: info.liveVersion });
  return t(STATE_WORDS[info.state].label);
}

/** Each state's name, and one sentence on what it means for the people in the journey. */
const STATE_WORDS: Record<ExecutionState, { label: MessageId; meaning: MessageId }> = {
  unpublished: { label: 'run.state.unpublished', meaning: 'run.meaning.unpublished' },
  ready: { label: 'run.state.ready', meaning: 'run.meaning.ready' },
  running: { label: 'run.state.running', meaning: 'run.meaning.running' },
  paused: { label: 'run.state.paused', meaning: 'run.meaning.paused' },
  stopped: { label: 'run.state.stopped', meaning: 'run.meaning.stopped' },
};

/**
 * Which run controls can be used, and why not. Publishing freezes the journey as saved, so it
 * needs no unsaved changes and no errors; starting needs a published version.
 */
export function runControls(t: Translate, { info, dirty, errors, pending }: RunFacts): RunControls {
  const busy = pending !== null || info === null;
  const state = info?.state ?? 'unpublished';
  const published = info !== null && state !== 'unpublished';

  let publishReason: string | undefined;
  // Saving alone would not help a journey with errors, so they are named first.
  if (errors > 0) publishReason = t('sim.panel.problems', { n: errors });
  else if (dirty) publishReason = t('run.publish.saveFirst');
  else if (info && state !== 'unpublished' && !info.changedSincePublish)
    publishReason = t('run.publish.nothingNew', { version: info.latestVersion ?? '' });

  const startLabel = state === 'paused' ? 'Resume' : 'Start';
  const startReason = !published
    ? t('run.start.publishFirst')
    : state === 'running'
      ? t('run.start.running')
      : undefined;
  const pauseReason = state === 'running' ? undefined : t('run.pause.onlyRunning');
  const stopReason =
    state === 'running' || state === 'paused' ? undefined : t('run.stop.onlyRunning');

  const control = (reason: string | undefined): Control => ({
    enabled: !busy && reason === undefined,
    ...(reason !== undefined && { reason }),
  });
  return {
    label: info ? stateLabel(t, info) : '…',
    meaning: t(info ? STATE_WORDS[state].meaning : 'run.meaning.loading'),
    publish: control(publishReason),
    start: { ...control(startReason), label: startLabel },
    pause: control(pauseReason),
    stop: control(stopReason),
  };
}

/** Message statuses as a marketer says them, and what each means (for a tooltip). */
export const STATUS_WORDS: Record<OutboxMessageStatus, { label: MessageId; help: MessageId }> = {
  pending: { label: 'run.status.pending', help: 'run.status.pendingHelp' },
  delivered: { label: 'run.status.delivered', help: 'run.status.deliveredHelp' },
  dead: { label: 'run.status.dead', help: 'run.status.deadHelp' },
  cancelled: { label: 'run.status.cancelled', help: 'run.status.cancelledHelp' },
};

/** What the Stop confirmation says will happen. */
export function stopConsequences(t: Translate, info: ExecutionInfo): string[] {
  return [
    t('run.stop.people', { n: info.counts.active }),
    t('run.stop.messages', { n: info.counts.messages.pending }),
    t('run.stop.after'),
  ];
}
