import type { JourneyNode } from '../../core/model/journey';
import type { PortSpec } from '../../core/nodes/node-definition';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';

const PORT_WORDS: Record<string, MessageId> = {
  yes: 'canvas.port.yes',
  no: 'canvas.port.no',
  event: 'canvas.port.event',
  timeout: 'canvas.port.timeout',
  next: 'canvas.port.next',
};

/** An exit's name in the language: Yes/No, Event/Timeout; a variant keeps the name it was given. */
export function portWord(t: Translate, port: PortSpec): string {
  const id = PORT_WORDS[port.id];
  return id ? t(id) : port.label;
}

/** The exits of a step no connection leaves from yet, in the order the card shows them. */
export function openPorts(
  ports: readonly PortSpec[],
  node: JourneyNode,
  edges: readonly { from: string; port?: string }[],
): PortSpec[] {
  const used = new Set(edges.filter((e) => e.from === node.id).map((e) => e.port ?? 'next'));
  return ports.filter((p) => !used.has(p.id));
}
