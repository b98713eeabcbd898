import type { JourneyNode } from '../../core/model/journey';
import { isNodeKind } from '../../core/nodes/registry';
import { readyConfig, readySummary } from '../../core/nodes/step-title';
import type { Translate } from '../i18n/I18nProvider';
import { nodeView } from './registry';

/**
 * A step's one line in the language ("Vänta 3 dagar"), Liquid shown as merge tags; undefined
 * when its kind is unknown or its config does not fit the kind's schema yet.
 */
export function summaryWords(t: Translate, node: JourneyNode): string | undefined {
  const summary = nodeView(node.kind)?.summary;
  if (!summary) return readySummary(node);
  const config = readyConfig(node);
  if (config === undefined) return undefined;
  try {
    return summary(config as never, t);
  } catch {
    return undefined;
  }
}

/**
 * The card's one-line summary. A config the schema refuses cannot be summarised; the card then
 * says it needs setting up and the problems say why.
 */
export function nodeSummary(t: Translate, node: JourneyNode): { text: string; ready: boolean } {
  if (!isNodeKind(node.kind)) {
    return { text: t('card.unknownKind', { kind: node.kind }), ready: false };
  }
  const text = summaryWords(t, node);
  return text === undefined ? { text: t('card.needsSetup'), ready: false } : { text, ready: true };
}
