import { parseDuration } from '../../core/model/duration';
import { DEFAULT_DATE_TIME, type TriggerConfig } from '../../core/nodes/trigger.node';
import type { Translate } from '../i18n/I18nProvider';
import { conditionWords } from './condition-words';
import { BoltIcon } from './icons';
import type { NodeView } from './node-view';
import { lengthWords } from './summary-words';

function summary(config: TriggerConfig, t: Translate): string {
  switch (config.on) {
    case 'event':
      return config.where?.length
        ? t('card.trigger.eventFiltered', { event: config.event, count: config.where.length })
        : t('card.trigger.event', { event: config.event });
    case 'segment':
      return t('card.trigger.segment', { condition: conditionWords(t, config.condition) });
    case 'date': {
      const time = config.time ?? DEFAULT_DATE_TIME;
      const shift = config.offset ? parseDuration(config.offset) : undefined;
      if (!shift?.ok) return t('card.trigger.date', { attribute: config.attribute, time });
      return t('card.trigger.dateShifted', {
        duration: lengthWords(t, shift.duration),
        before: String(shift.duration.sign < 0),
        attribute: config.attribute,
        time,
      });
    }
  }
}

export const triggerView: NodeView = {
  Icon: BoltIcon,
  summary,
  variantLabel: 'card.variant.trigger',
  variantDefaults: {
    event: { on: 'event', event: 'signup' },
    segment: { on: 'segment', condition: { attribute: 'vip', op: 'eq', value: true } },
    date: { on: 'date', attribute: 'birthday', time: '09:00' },
  },
  fieldOptions: { offset: { allowNegative: true } },
};
