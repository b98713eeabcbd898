import type { LiveCounts } from '../../core/api/execution-contract';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import { AlertIcon, CheckIcon, ClockIcon, UsersIcon } from '../nodes/icons';
import { useT, type Translate } from '../i18n/I18nProvider';
import { useTimeFormats } from '../simulation/use-time-formats';
import type { AppState } from '../store/app-store';
import { useApp } from '../store/app-store';

type NodeLive = LiveCounts['nodes'][string];

const NOBODY: NodeLive = { here: 0 };
const NO_MESSAGES = { pending: 0, delivered: 0, dead: 0, cancelled: 0 };

/** A step's live figures while the run panel is open and a version is published. */
const liveOf = (nodeId: string) => (s: AppState) => {
  const { open, info } = s.execution;
  if (!open || !info || info.state === 'unpublished') return undefined;
  return info.counts.nodes[nodeId] ?? NOBODY;
};

function title(
  t: Translate,
  count: (n: number) => string,
  figures: NodeLive,
  messages: typeof NO_MESSAGES | undefined,
): string {
  const lines = [t('run.live.here', { n: figures.here })];
  if (messages) {
    lines.push(
      t('run.live.messages', {
        delivered: count(messages.delivered),
        queued: count(messages.pending),
        failed: count(messages.dead),
      }),
    );
    if (messages.cancelled) lines.push(t('run.live.cancelled', { n: count(messages.cancelled) }));
  }
  return lines.join('\n');
}

/**
 * The live run on a step, pinned where the simulation's counts go: how many profiles are there
 * now and, on a step that sends, its messages delivered, queued and failed.
 */
export function LiveCount({ nodeId, kind }: { nodeId: string; kind: string }) {
  const figures = useApp(liveOf(nodeId));
  const t = useT();
  const { count } = useTimeFormats();
  if (!figures) return null;
  // A step that sends shows its messages, none sent yet included.
  const sends = isNodeKind(kind) && nodeDefinition(kind).sends !== undefined;
  const messages = figures.messages ?? (sends ? NO_MESSAGES : undefined);
  const text = title(t, count, figures, messages);
  return (
    <div
      className={`count-badge live-count${figures.here === 0 ? ' is-zero' : ''}`}
      data-testid={`live-${nodeId}`}
      title={text}
      aria-label={`${t('run.live.tag')}: ${text.replace(/\n/g, '; ')}`}
    >
      <span className="count-kind is-live" aria-hidden="true">
        <span className="count-kind-dot" />
        {t('run.live.tag')}
      </span>
      <span className="live-count-here" data-testid={`live-here-${nodeId}`}>
        <UsersIcon size={12} />
        {count(figures.here)}
      </span>
      {messages && (
        <>
          <span
            className={`live-count-msg is-delivered${messages.delivered ? '' : ' is-zero'}`}
            data-testid={`live-delivered-${nodeId}`}
          >
            <CheckIcon size={12} />
            {count(messages.delivered)}
          </span>
          <span
            className={`live-count-msg is-queued${messages.pending ? '' : ' is-zero'}`}
            data-testid={`live-queued-${nodeId}`}
          >
            <ClockIcon size={12} />
            {count(messages.pending)}
          </span>
          <span
            className={`live-count-msg is-failed${messages.dead ? '' : ' is-zero'}`}
            data-testid={`live-failed-${nodeId}`}
          >
            <AlertIcon size={12} />
            {count(messages.dead)}
          </span>
        </>
      )}
    </div>
  );
}
