import type { WaitConfig } from '../../core/nodes/wait.node';
import type { Translate } from '../i18n/I18nProvider';
import { ClockIcon } from './icons';
import type { NodeView } from './node-view';
import { durationWords, weekdayWords } from './summary-words';

function summary(config: WaitConfig, t: Translate): string {
  switch (config.mode) {
    case 'duration':
      return t('card.wait.duration', { duration: durationWords(t, config.duration) });
    case 'until':
      return config.days?.length
        ? t('card.wait.untilDays', { time: config.time, days: weekdayWords(t, config.days) })
        : t('card.wait.until', { time: config.time });
    case 'event':
      return t('card.wait.event', {
        duration: durationWords(t, config.timeout),
        event: config.event,
      });
  }
}

export const waitView: NodeView = {
  Icon: ClockIcon,
  summary,
  variantLabel: 'card.variant.wait',
  variantDefaults: {
    duration: { mode: 'duration', duration: 'P1D' },
    until: { mode: 'until', time: '09:00' },
    event: { mode: 'event', event: 'purchase', timeout: 'P3D' },
  },
};
