import type { Translate } from '../i18n/I18nProvider';
import { FlagIcon } from './icons';
import type { NodeView } from './node-view';

export const exitView: NodeView = {
  Icon: FlagIcon,
  summary: (_config: unknown, t: Translate) => t('card.exit'),
};
