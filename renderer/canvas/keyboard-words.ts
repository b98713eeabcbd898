import type { AriaLabelConfig } from '@xyflow/react';
import type { JourneyNode } from '../../core/model/journey';
import type { PortSpec } from '../../core/nodes/node-definition';
import type { Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { nodePorts } from '../nodes/card-shape';
import { stepName } from '../nodes/step-name';

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

/**
 * A connection's name for a screen reader: from which step, through which exit, to which step.
 * Steps by their names; an exit named only when the step has several.
 */
export function edgeName(
  t: Translate,
  from: JourneyNode | undefined,
  port: string,
  to: JourneyNode | undefined,
): string {
  const ports = from ? nodePorts(from) : [];
  const exit = ports.length > 1 ? ports.find((p) => p.id === port) : undefined;
  return t('canvas.a11y.edge', {
    from: from ? stepName(from) : '',
    to: to ? stepName(to) : '',
    exit: exit ? portWord(t, exit) : 'none',
  });
}

/** React Flow's own words for screen readers, in the language. */
export function flowAriaLabels(t: Translate): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t('canvas.a11y.nodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('canvas.a11y.nodeHelp'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
      t('canvas.a11y.moved', { direction, x: Math.round(x), y: Math.round(y) }),
    'edge.a11yDescription.default': t('canvas.a11y.edgeHelp'),
    'controls.ariaLabel': t('canvas.a11y.controls'),
    'controls.zoomIn.ariaLabel': t('canvas.a11y.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.a11y.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.a11y.fitView'),
    'controls.interactive.ariaLabel': t('canvas.a11y.interactive'),
    'minimap.ariaLabel': t('canvas.minimap'),
    'handle.ariaLabel': t('canvas.a11y.handle'),
  };
}
