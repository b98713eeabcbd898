import type { JourneyNode } from '../../core/model/journey';
import { channelView } from '../channels/registry';
import { MessagePreview } from './MessagePreview';

/** Below a message's form: its channel's composer (designer, counters), then the live preview. */
export function MessageExtras({ node }: { node: JourneyNode }) {
  const view = channelView(typeof node.config.channel === 'string' ? node.config.channel : '');
  const Composer = view?.Composer;
  return (
    <>
      {Composer && <Composer node={node} />}
      <MessagePreview node={node} />
    </>
  );
}
