import type { SplitConfig } from '../../core/nodes/split.node';
import type { Translate } from '../i18n/I18nProvider';
import { SplitForecast } from '../inspector/forecast/SplitForecast';
import { SplitIcon } from './icons';
import type { NodeView } from './node-view';
import { variantShares } from './summary-words';

function summary(config: SplitConfig, t: Translate): string {
  const shares = variantShares(config.variants);
  const variants = config.variants
    .map((v, i) => t('card.split.variant', { variant: v.key, share: shares[i] ?? 0 }))
    .join(' / ');
  return t(config.autoWinner ? 'card.split.autoWinner' : 'card.split', { variants });
}

export const splitView: NodeView = { Icon: SplitIcon, summary, InspectorExtra: SplitForecast };
