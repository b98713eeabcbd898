import { journeyLoops } from '../../model/journey-loops';
import { issue } from '../catalogue';
import { messageOf } from './checked-journey';
import { stepTitle } from './check-wording';
import type { JourneyCheck } from './journey-check';

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`);

/** `“a”`, `“a” and “b”`, `“a”, “b” and “c”`. */
function and(names: readonly string[]): string {
  const q = quoted(names);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q.at(-1) ?? ''}`;
}

/**
 * `message-in-loop`: a loop a profile can reach contains a step that sends a message, so each
 * time round it is sent again. On a cart journey that loops back to its first wait, 53 shoppers
 * got 387 emails in a week. One warning per loop, at its first message step, naming the loop's
 * steps as the marketer named them. (The simulation counts the people who would actually get
 * more than 7 messages in 7 days.)
 */
export const messageLoopCheck: JourneyCheck = {
  code: 'message-in-loop',
  check(journey) {
    const name = (id: string) => {
      const node = journey.graph.nodes.get(id);
      return node ? stepTitle(node) : id;
    };
    return journeyLoops(journey.graph)
      .filter((loop) => journey.reachable.has(loop[0] ?? ''))
      .flatMap((loop) => {
        const messages = loop.filter((id) => messageOf(journey.nodes.get(id)));
        const first = messages[0];
        if (first === undefined) return [];
        const sent = messages.length === 1 ? 'is sent' : 'are sent';
        return [
          issue('message-in-loop', {
            nodeId: first,
            path: ['nodes', journey.graph.nodeIndex.get(first) ?? 0],
            values: {
              loop: quoted(loop.map(name)).join(' → '),
              messages: quoted(messages.map(name)).join(', '),
              count: messages.length,
            },
            message: `${quoted(loop.map(name)).join(' → ')} form a loop, and ${and(messages.map(name))} ${sent} each time round: a profile who keeps going round gets ${messages.length === 1 ? 'it' : 'them'} again and again. Give the loop a way out (e.g. a condition on the goal event) and set a frequency cap.`,
          }),
        ];
      });
  },
};
