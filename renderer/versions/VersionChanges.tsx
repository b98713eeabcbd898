import { useEffect, useId, useMemo } from 'react';
import { diffJourneys } from '../../core/versions/journey-diff';
import { useT } from '../i18n/I18nProvider';
import { useApp, useAppStore } from '../store/app-store';
import { useChangeWords } from './change-words';
import { say } from '../i18n/words';

/** More changes than this are counted, not listed: the list is for reading before publishing. */
const MAX_LISTED = 100;

/**
 * "Changes since v3": what the journey as edited does differently from its newest published
 * version, in words, where publishing happens. Shown once a version is published.
 */
export function VersionChanges() {
  const t = useT();
  const words = useChangeWords();
  const headingId = useId();
  const store = useAppStore();
  const journey = useApp((s) => s.journey);
  const info = useApp((s) => s.execution.info);
  const published = useApp((s) => s.published);
  const journeyId = journey?.id;
  const version = info?.journeyId === journeyId ? info?.latestVersion : undefined;

  useEffect(() => {
    if (journeyId !== undefined && version !== undefined)
      void store.getState().loadPublishedVersion(journeyId, version);
  }, [store, journeyId, version]);

  const shown =
    published?.journeyId === journeyId && published?.version === version ? published : null;
  const before = shown?.journey ?? null;
  const changes = useMemo(
    () => (before && journey ? diffJourneys(before, journey) : null),
    [before, journey],
  );
  if (!journey || version === undefined) return null;

  return (
    <section className="run-changes" aria-labelledby={headingId} data-testid="version-changes">
      <div className="run-changes-head">
        <h3 className="run-changes-title" id={headingId}>
          {changes && changes.length > 0
            ? t('versions.titleCount', { version, count: changes.length })
            : t('versions.title', { version })}
        </h3>
        <button
          type="button"
          className="button is-small"
          onClick={() => store.getState().openDialog({ type: 'version-history' })}
        >
          {t('history.open')}
        </button>
      </div>
      {shown?.error ? (
        <p className="form-error" role="alert">
          {t('versions.error', { version, error: say(t, shown.error) })}
        </p>
      ) : !changes ? (
        <p className="run-changes-note">{t('versions.loading', { version })}</p>
      ) : changes.length === 0 ? (
        <p className="run-changes-note">{t('versions.none', { version })}</p>
      ) : (
        // Scrolls when long, so it takes the keyboard focus too.
        <ul className="run-changes-list" tabIndex={0} aria-labelledby={headingId}>
          {changes.slice(0, MAX_LISTED).map((change, i) => (
            // The diff's order is stable for a pair of versions; a change has no id of its own.
            <li key={i}>{words(change)}</li>
          ))}
          {changes.length > MAX_LISTED && (
            <li className="run-changes-note">
              {t('versions.more', { count: changes.length - MAX_LISTED })}
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
