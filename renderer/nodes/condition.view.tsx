import type { ConditionConfig } from '../../core/nodes/condition.node';
import type { Translate } from '../i18n/I18nProvider';
import { conditionWords } from './condition-words';
import { BranchIcon } from './icons';
import type { NodeView } from './node-view';

export const conditionView: NodeView = {
  Icon: BranchIcon,
  summary: (config: ConditionConfig, t: Translate) =>
    t('card.condition', { condition: conditionWords(t, config) }),
};
