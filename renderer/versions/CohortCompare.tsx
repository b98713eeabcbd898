import type { Spread } from '../../core/forecast/statistics';
import type { FigureDiff } from '../../core/versions/cohort-diff';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { useApp, useAppStore } from '../store/app-store';
import { say } from '../i18n/words';

/** People listed with their paths at most. */
const LISTED = 10;

/**
 * Two versions simulated on the same cohort, seed and runs: conversions and unsubscribes before
 * and after with their ranges (or "too few runs to tell"), the people whose path changes,
 * messages added or removed, and people who would get the same message twice.
 */
export function CohortCompare({ before, after }: { before: number; after?: number }) {
  const t = useT();
  const formats = useFormats();
  const number = (value: number, digits?: number) => formats.number(value, digits);
  const store = useAppStore();
  const comparison = useApp((s) => s.comparison);
  const journeyId = useApp((s) => s.history?.journeyId);
  const key = `${journeyId ?? ''}:${before}:${after ?? 'draft'}`;
  const shown = comparison?.key === key ? comparison : null;
  const result = shown?.result;

  const range = (s: Spread, runs: number) =>
    runs < 2 || s.p10 === s.p90
      ? number(s.p50, 1)
      : t('history.cohortRange', {
          median: number(s.p50, 1),
          low: number(s.p10, 1),
          high: number(s.p90, 1),
        });
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${number(Math.abs(v), 1)}`;
  const figure = (name: string, f: FigureDiff, runs: number) => (
    <li>
      <strong>{name}:</strong>{' '}
      {t('history.cohortFigure', { before: range(f.before, runs), after: range(f.after, runs) })},{' '}
      {f.interval95
        ? t('history.cohortChange', {
            change: signed(f.change.p50),
            low: signed(f.interval95.low),
            high: signed(f.interval95.high),
          })
        : t('history.tooFew', { change: signed(f.change.p50) })}
    </li>
  );

  return (
    <div className="history-cohort" data-testid="history-cohort">
      <button
        type="button"
        className="button"
        disabled={shown !== null && !result && !shown.error}
        onClick={() => void store.getState().compareOnCohort(before, after)}
      >
        {t('history.cohort')}
      </button>
      <p className="field-help">{t('history.cohortHelp')}</p>
      {shown && !result && !shown.error && (
        <p className="run-changes-note" role="status">
          {t('history.cohortRunning')}
        </p>
      )}
      {shown?.error && (
        <p className="form-error" role="alert">
          {say(t, shown.error)}
        </p>
      )}
      {result && (
        <div role="status">
          <p>
            {t('history.cohortSummary', {
              people: result.diff.people,
              seed: result.seed,
              runs: result.runs,
            })}
          </p>
          <ul className="history-figures">
            {figure(t('history.cohortConversions'), result.diff.conversions, result.runs)}
            {figure(t('history.cohortUnsubscribes'), result.diff.unsubscribes, result.runs)}
            <li>
              {t('history.cohortChanged', {
                count: result.diff.changed.count,
                compared: number(result.diff.compared, 0),
              })}
            </li>
            {result.diff.messages.added.map((m) => (
              <li key={`+${m.nodeId}`}>
                {t('history.cohortAdded', { title: m.title, count: m.after })}
              </li>
            ))}
            {result.diff.messages.removed.map((m) => (
              <li key={`-${m.nodeId}`}>
                {t('history.cohortRemoved', { title: m.title, count: m.before })}
              </li>
            ))}
            {result.diff.messages.changed.map((m) => (
              <li key={`~${m.nodeId}`}>
                {t('history.cohortMoreLess', { title: m.title, before: m.before, after: m.after })}
              </li>
            ))}
            <li>
              {t('history.cohortTwice', {
                count: result.diff.twice.after,
                before: result.diff.twice.before,
              })}
            </li>
          </ul>
          {result.diff.changed.listed.length > 0 && (
            <ul className="history-people">
              {result.diff.changed.listed.slice(0, LISTED).map((p) => (
                <li key={p.profileId}>
                  {t('history.cohortPerson', {
                    id: p.profileId,
                    before: p.before.path.join(' → ') || t('history.cohortNotEntered'),
                    after: p.after.path.join(' → ') || t('history.cohortNotEntered'),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
