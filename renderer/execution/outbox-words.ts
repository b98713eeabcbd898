import { SKIP_ORDER, skipWords } from '../simulation/reasons';
import type { Words } from '../simulation/sim-words';
import { mailFailureWords } from './problem-words';

/** How the outbox store writes a message cancelled by a stop (journey-execution.ts). */
const STOPPED = 'the journey was stopped';

/** A cancel's log line: the consent check's reason code, then its words (outbox-store.ts). */
const CANCELLED = /^([a-z_]+): (.*)$/s;

/**
 * A delivery log's detail, or a message's last error, in the chosen language: a stop, or the
 * reason a message was cancelled (`suppressed: ann@… is on the suppression list`) in the words
 * the simulation uses for it. A mail server's failures are said in the language too, its own
 * answer quoted as it came.
 */
export function deliveryDetail({ t, locale }: Pick<Words, 't' | 'locale'>, text: string): string {
  if (text === STOPPED) return t('run.outbox.journeyStopped');
  const cancelled = CANCELLED.exec(text);
  const reason = cancelled?.[1] ?? '';
  if (!cancelled || !(SKIP_ORDER as readonly string[]).includes(reason))
    return mailFailureWords(t, locale, text) ?? text;
  const why = t('run.outbox.notSent', { why: skipWords(t, reason) });
  // The check's own words name the address or the attribute; they are English.
  return locale === 'en' ? `${why} — ${cancelled[2] ?? ''}` : why;
}
