import { isoTime } from '../model/local-time';
import type { ProfileChange } from '../model/profile';
import type { EntryVia, StepObserver, StepRecord } from '../runtime/ports';
import type { SkipFacts } from '../runtime/step';

/**
 * The facts `text` is made of, so an app can say the step in its own language: which of them a
 * step has depends on its type.
 */
export interface TraceValues {
  /** How an `enter` came about. */
  via?: EntryVia;
  /** The event entered on, waited for, or performed (`enter`, `wait`, `convert`). */
  event?: string;
  /** The end of a `wait`, as an ISO time. */
  until?: string;
  /** A sent `message`'s channel and address. */
  channel?: string;
  address?: string;
  /** The variant of a `variant` or `variant-convert`. */
  key?: string;
  /** The engine's own words on a `skip` or `entry-refused`. */
  detail?: string;
  /** A `skip`'s detail as facts, to say it in another language. */
  facts?: SkipFacts;
  /** What an `update` changed. */
  change?: ProfileChange;
  /** A `migrate`: what the publish did, between which versions, to which step. */
  action?: 'continue' | 'move' | 'exit';
  fromVersion?: number;
  toVersion?: number;
  to?: string;
}

/** One step of a profile's path, with a sentence saying what happened and why. */
export interface TraceStep {
  at: string;
  journeyId: string;
  enrollmentId?: string;
  nodeId?: string;
  type: StepRecord['type'];
  /** The port taken, for `leave`. */
  port?: string;
  /** The reason of a skip, refusal or wait. */
  reason?: string;
  /** How the enrollment ended, for `end`. */
  status?: 'completed' | 'exited' | 'converted' | 'merged';
  /** The step in words, in English (the command line prints it). */
  text: string;
  values?: TraceValues;
}

const SKIP_WORDS: Record<string, string> = {
  unsubscribed: 'the profile has unsubscribed',
  suppressed: 'the address is on the suppression list',
  no_address: 'the profile has no address for this channel',
  capped: 'the frequency cap is reached',
  policy: 'the library’s sending policy holds it back',
  template_error: 'the template could not be rendered',
  late: 'it was too late to send it (the computer was asleep or off)',
};

function time(at: number): string {
  return isoTime(at)
    .replace('T', ' ')
    .replace(/\.000Z$/, 'Z');
}

/** A step in words, for traces in the CLI and the app. */
export function describeStep(step: StepRecord): string {
  switch (step.type) {
    case 'enter':
      return step.via === 'event'
        ? `entered on event ${step.event ?? ''}`
        : step.via === 'segment'
          ? 'entered: matches the segment'
          : 'entered on the yearly date';
    case 'entry-refused':
      return `not entered: ${step.detail}`;
    case 'arrive':
      return `at ${step.nodeId}`;
    case 'leave':
      return step.to
        ? `${step.nodeId} → ${step.port} → ${step.to}`
        : `${step.nodeId} → ${step.port} (no connection: the journey ends here)`;
    case 'wait':
      return step.reason === 'quiet_hours'
        ? `held for quiet hours until ${time(step.until)}`
        : step.reason === 'event'
          ? `waiting for ${step.event ?? 'an event'} until ${time(step.until)} at most`
          : `waiting until ${time(step.until)}`;
    case 'message':
      return `${step.channel} sent to ${step.to}`;
    case 'skip':
      return `message skipped (${step.reason}): ${SKIP_WORDS[step.reason] ?? step.reason} — ${step.detail}`;
    case 'update': {
      const parts = [
        ...Object.entries(step.change.set ?? {}).map(([k, v]) => `${k} = ${JSON.stringify(v)}`),
        ...Object.entries(step.change.increment ?? {}).map(
          ([k, n]) => `${k} ${n < 0 ? '−' : '+'}${Math.abs(n)}`,
        ),
        ...(step.change.unset ?? []).map((k) => `${k} removed`),
      ];
      return `profile updated: ${parts.join(', ')}`;
    }
    case 'variant':
      return `assigned to variant ${step.key}`;
    case 'winner':
      return `${step.nodeId} picked variant ${step.variant} as the winner (${(step.probability * 100).toFixed(1)}% likely to convert best)`;
    case 'variant-convert':
      return `counted as a conversion of variant ${step.key} of ${step.nodeId}: performed ${step.event}`;
    case 'convert':
      return `converted: performed ${step.event}`;
    case 'migrate':
      return step.action === 'exit'
        ? `taken out of the journey at ${step.nodeId} when version ${step.toVersion} was published`
        : step.action === 'move'
          ? `moved from ${step.nodeId} (version ${step.fromVersion}) to ${step.to ?? ''} of version ${step.toVersion}`
          : `carried on at ${step.nodeId} in version ${step.toVersion}`;
    case 'end':
      return step.status === 'converted'
        ? 'left the journey: goal reached'
        : step.status === 'exited'
          ? `left the journey at ${step.nodeId}`
          : step.status === 'merged'
            ? 'merged into the known profile, which is in this journey already'
            : 'completed the journey';
  }
}

/** The facts of a step, as `TraceStep.values` keeps them. */
function traceValues(step: StepRecord): TraceValues | undefined {
  switch (step.type) {
    case 'enter':
      return { via: step.via, ...(step.event !== undefined && { event: step.event }) };
    case 'entry-refused':
      return { detail: step.detail };
    case 'skip':
      return { detail: step.detail, ...(step.facts && { facts: step.facts }) };
    case 'wait':
      return { until: isoTime(step.until), ...(step.event !== undefined && { event: step.event }) };
    case 'message':
      return { channel: step.channel, address: step.to };
    case 'update':
      return { change: step.change };
    case 'variant':
      return { key: step.key };
    case 'variant-convert':
      return { key: step.key, event: step.event };
    case 'convert':
      return { event: step.event };
    case 'migrate':
      return {
        action: step.action,
        fromVersion: step.fromVersion,
        toVersion: step.toVersion,
        ...(step.to !== undefined && { to: step.to }),
      };
    default:
      return undefined;
  }
}

/** Records the steps of chosen profiles (or of everyone) as a readable path. */
export class TraceRecorder implements StepObserver {
  private readonly traces = new Map<string, TraceStep[]>();

  constructor(private readonly profiles: ReadonlySet<string> | 'all') {}

  record(step: StepRecord): void {
    // A winner is the journey's, not a step of the profile whose arrival decided it.
    if (step.type === 'winner') return;
    if (this.profiles !== 'all' && !this.profiles.has(step.profileId)) return;
    const values = traceValues(step);
    let trace = this.traces.get(step.profileId);
    if (!trace) {
      trace = [];
      this.traces.set(step.profileId, trace);
    }
    trace.push({
      at: isoTime(step.at),
      journeyId: step.journeyId,
      ...('enrollmentId' in step && { enrollmentId: step.enrollmentId }),
      ...('nodeId' in step && { nodeId: step.nodeId }),
      type: step.type,
      ...(step.type === 'leave' && { port: step.port }),
      ...((step.type === 'skip' || step.type === 'entry-refused' || step.type === 'wait') && {
        reason: step.reason,
      }),
      ...(step.type === 'end' && { status: step.status }),
      text: describeStep(step),
      ...(values && { values }),
    });
  }

  trace(profileId: string): TraceStep[] {
    return this.traces.get(profileId) ?? [];
  }

  all(): ReadonlyMap<string, TraceStep[]> {
    return this.traces;
  }
}
