import type {
  ExecutionInfo,
  ExecutionState,
  OutboxMessageStatus,
} from '../../core/api/execution-contract';

/** What is being asked of the engine: a publish, or a change of state. */
export type RunAction = 'publish' | 'running' | 'paused' | 'stopped';

/** A control, and, when it cannot be used, why in words. */
export interface Control {
  enabled: boolean;
  reason?: string;
}

export interface RunControls {
  /** `Running v3`, `Paused`, … */
  label: string;
  /** One sentence on what the state means for the people in the journey. */
  meaning: string;
  publish: Control;
  /** Start, or Resume when paused. */
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
export function stateLabel(info: Pick<ExecutionInfo, 'state' | 'liveVersion'>): string {
  switch (info.state) {
    case 'unpublished':
      return 'Unpublished';
    case 'ready':
      return 'Ready';
    case 'running':
      return info.liveVersion !== undefined ? `Running v${info.liveVersion}` : 'Running';
    case 'paused':
      return 'Paused';
    case 'stopped':
      return 'Stopped';
  }
}

const MEANING: Record<ExecutionState, string> = {
  unpublished: 'Not published yet: publish to freeze a version that can run.',
  ready: 'Published, never started: nobody enters until you start it.',
  running: 'Live: new profiles enter as their events arrive.',
  paused: 'Nobody new enters; profiles already inside carry on to the end.',
  stopped: 'Nobody new enters; everyone who was inside left at the stop.',
};

function problems(errors: number): string {
  return errors === 1 ? 'problem' : `${errors} problems`;
}

/**
 * Which run controls can be used, and why not. Publishing freezes the journey as saved, so it
 * needs no unsaved changes and no errors; starting needs a published version.
 */
export function runControls({ info, dirty, errors, pending }: RunFacts): RunControls {
  const busy = pending !== null || info === null;
  const state = info?.state ?? 'unpublished';
  const published = info !== null && state !== 'unpublished';

  let publishReason: string | undefined;
  // Saving alone would not help a journey with errors, so they are named first.
  if (errors > 0)
    publishReason = `Fix the journey’s ${problems(errors)} first; the problems bar below the canvas lists ${errors === 1 ? 'it' : 'them'}.`;
  else if (dirty)
    publishReason = 'Save the journey first: publishing freezes the journey as saved.';
  else if (info && state !== 'unpublished' && !info.changedSincePublish)
    publishReason = `Nothing new to publish: version ${info.latestVersion ?? ''} is the journey as saved.`;

  const startLabel = state === 'paused' ? 'Resume' : 'Start';
  const startReason = !published
    ? 'Publish the journey first.'
    : state === 'running'
      ? 'It is running.'
      : undefined;
  const pauseReason = state === 'running' ? undefined : 'Only a running journey can be paused.';
  const stopReason =
    state === 'running' || state === 'paused'
      ? undefined
      : 'Only a running or paused journey can be stopped.';

  const control = (reason: string | undefined): Control => ({
    enabled: !busy && reason === undefined,
    ...(reason !== undefined && { reason }),
  });
  return {
    label: info ? stateLabel(info) : '…',
    meaning: info ? MEANING[state] : 'Reading the journey’s state…',
    publish: control(publishReason),
    start: { ...control(startReason), label: startLabel },
    pause: control(pauseReason),
    stop: control(stopReason),
  };
}

/** Message statuses as a marketer says them. */
export const STATUS_LABELS: Record<OutboxMessageStatus, string> = {
  pending: 'Queued',
  delivered: 'Delivered',
  dead: 'Failed',
  cancelled: 'Cancelled',
};

/** What a message status means, for a tooltip. */
export const STATUS_HELP: Record<OutboxMessageStatus, string> = {
  pending: 'Waiting to be sent, or to be tried again',
  delivered: 'Handed to the mail server (or kept in the embedded outbox)',
  dead: 'Every attempt failed; it can be retried',
  cancelled: 'Not sent: the journey was stopped, or the profile could no longer get it',
};

/** What the Stop confirmation says will happen. */
export function stopConsequences(info: ExecutionInfo): string[] {
  const inside = info.counts.active;
  const queued = info.counts.messages.pending;
  const people =
    inside === 0
      ? 'Nobody is inside the journey right now.'
      : `${inside === 1 ? '1 profile' : `${inside.toLocaleString('en')} profiles`} inside the journey leave${inside === 1 ? 's' : ''} it at once.`;
  const messages =
    queued === 0
      ? 'No messages are waiting to be sent.'
      : `${queued === 1 ? '1 message' : `${queued.toLocaleString('en')} messages`} not yet sent ${queued === 1 ? 'is' : 'are'} cancelled.`;
  return [
    people,
    messages,
    'Nobody new enters until you start it again; those who left do not come back where they were.',
  ];
}
