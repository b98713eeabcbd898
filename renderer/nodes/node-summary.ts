import type { JourneyNode } from '../../core/model/journey';
import type { PortSpec } from '../../core/nodes/node-definition';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import { readyConfig, readySummary } from '../../core/nodes/step-title';
import type { Translate } from '../i18n/I18nProvider';
import { portWord } from '../canvas/keyboard-words';
import { nodeView } from './registry';
import { variantShares } from './summary-words';

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

/**
 * An exit as the card labels it: Yes, No, Timeout in the language, and a variant with its share
 * written the language's way ("A 50 %" in Swedish).
 */
export function exitWords(t: Translate, node: JourneyNode, port: PortSpec): string {
  const branches = isNodeKind(node.kind) ? nodeDefinition(node.kind).branches : undefined;
  const config = branches ? readyConfig(node) : undefined;
  if (branches && config !== undefined) {
    const variants = branches.variants(config);
    const index = variants.findIndex((v) => v.key === port.id);
    const variant = variants[index];
    if (variant) {
      return t('card.split.variant', {
        variant: variant.label?.trim() || variant.key,
        share: variantShares(variants)[index] ?? 0,
      });
    }
  }
  return portWord(t, port);
}
