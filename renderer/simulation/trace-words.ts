import type { SkipFacts } from '../../core/runtime/step';
import { durationWords } from '../nodes/summary-words';
import type { MessageId } from '../i18n/messages';
import type { Words } from './sim-words';

/**
 * A skipped message's detail in the chosen language, from the facts the engine gave with it:
 * which attribute was missing, the address on the suppression list, the cap or policy that
 * was full. Times are said in the journey's zone.
 */
export function skipFactsWords(
  { t, time }: Pick<Words, 't' | 'time'>,
  facts: SkipFacts,
  timeZone: string,
): string {
  switch (facts.code) {
    case 'unsubscribed-all':
      return t('trace.skip.unsubscribedAll');
    case 'opted-out':
      return t('trace.skip.optedOut', { channel: facts.channel });
    case 'no-address':
      return t('trace.skip.noAddress', { attribute: facts.attribute });
    case 'address-unusable':
      return t('trace.skip.addressUnusable', { attribute: facts.attribute, value: facts.value });
    case 'suppressed':
      return t('trace.skip.suppressed', { address: facts.address });
    case 'late':
      return t('trace.skip.late', {
        due: t('sim.trace.at', {
          day: time.day(facts.due, timeZone),
          time: time.clock(facts.due, timeZone),
        }),
        late: durationWords(t, facts.late),
        maxLateness: durationWords(t, facts.maxLateness),
      });
    case 'capped':
      return t('trace.skip.capped', {
        sent: facts.sent,
        max: facts.max,
        per: durationWords(t, facts.per),
      });
    case 'policy':
      return t('trace.skip.policy', {
        sent: facts.sent,
        max: facts.max,
        channel: facts.channel,
        per: durationWords(t, facts.per),
        filledBy: facts.filledBy,
      });
  }
}

/** Why a followed profile has no path to show, by what is missing. */
export const MISSING_WORDS: Record<'profile' | 'path' | 'run', MessageId> = {
  profile: 'sim.trace.noProfile',
  path: 'sim.trace.neverEntered',
  run: 'trace.error.runGone',
};
