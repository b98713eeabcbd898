import type { UpdateConfig } from '../../core/nodes/update.node';
import type { Translate } from '../i18n/I18nProvider';
import { ProfileIcon } from './icons';
import type { NodeView } from './node-view';
import { valueWords } from './summary-words';

function summary(config: UpdateConfig, t: Translate): string {
  const parts = [
    ...Object.entries(config.set ?? {}).map(([name, value]) =>
      t('card.update.set', { name, value: valueWords(t, value) }),
    ),
    ...Object.entries(config.increment ?? {}).map(([name, n]) =>
      n < 0
        ? t('card.update.subtract', { name, amount: -n })
        : t('card.update.add', { name, amount: n }),
    ),
    ...(config.unset ?? []).map((name) => t('card.update.remove', { name })),
  ];
  return parts.length ? parts.join(' · ') : t('card.update');
}

export const updateView: NodeView = { Icon: ProfileIcon, summary };
