import type { SplitConfig } from '../../core/nodes/split.node';
import type { Translate } from '../i18n/I18nProvider';
import { SplitForecast } from '../inspector/forecast/SplitForecast';
import { SplitIcon } from './icons';
import type { NodeView } from './node-view';

function summary(config: SplitConfig, t: Translate): string {
  const total = config.variants.reduce((sum, v) => sum + (v.weight > 0 ? v.weight : 0), 0);
  const variants = config.variants
    .map((v) =>
      t('card.split.variant', {
        variant: v.key,
        share: total > 0 && v.weight > 0 ? v.weight / total : 0,
      }),
    )
    .join(' / ');
  return t(config.autoWinner ? 'card.split.autoWinner' : 'card.split', { variants });
}

export const splitView: NodeView = { Icon: SplitIcon, summary, InspectorExtra: SplitForecast };
