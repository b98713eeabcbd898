import type { LiveCounts } from '../../core/api/execution-contract';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import type { MessageId } from '../i18n/messages';

type Kind = 'unsubscribed' | 'bounced' | 'complained';

const ROWS: readonly { kind: Kind; label: MessageId; help: MessageId }[] = [
  {
    kind: 'unsubscribed',
    label: 'run.feedback.unsubscribed',
    help: 'run.feedback.unsubscribedHelp',
  },
  { kind: 'bounced', label: 'run.feedback.bounced', help: 'run.feedback.bouncedHelp' },
  { kind: 'complained', label: 'run.feedback.complained', help: 'run.feedback.complainedHelp' },
];

/**
 * What recipients answered: unsubscribes, hard bounces and spam complaints, as counts and as
 * rates of the messages delivered (the figure mailbox providers judge a sender by).
 */
export function FeedbackRates({ counts }: { counts: LiveCounts }) {
  const t = useT();
  const formats = useFormats();
  const feedback = counts.feedback ?? { unsubscribed: 0, bounced: 0, complained: 0 };
  const delivered = counts.messages.delivered;
  return (
    <section className="run-feedback" aria-labelledby="run-feedback-title">
      <h4 className="section-title" id="run-feedback-title">
        {t('run.feedback.title')}
      </h4>
      <ul className="outcome-list" data-testid="run-feedback">
        {ROWS.map(({ kind, label, help }) => (
          <li key={kind}>
            <span>
              {t(label)} <span className="run-feedback-help">{t(help)}</span>
            </span>
            <span data-testid={`run-${kind}`}>
              <strong>{formats.number(feedback[kind], 0)}</strong>
              {delivered > 0 && (
                <span className="run-feedback-rate">
                  {' · '}
                  {t('run.feedback.rate', { rate: formats.percent(feedback[kind] / delivered, 2) })}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
