import { useEffect, useId, useMemo, useState } from 'react';
import { canvasPicture } from '../../core/report/canvas-svg';
import { diffJourneys } from '../../core/versions/journey-diff';
import type { Journey } from '../../core/model/journey';
import { useT } from '../i18n/I18nProvider';
import { useApp, useAppStore } from '../store/app-store';
import { useChangeWords } from './change-words';
import { CohortCompare } from './CohortCompare';
import { stepMarks, svgAddress } from './version-marks';

/** The two sides of a comparison, older first. */
const SIDES = ['before', 'after'] as const;
/** The draft in the version pickers. */
const DRAFT = 'draft';
/** Changes listed at most; the rest are counted (as in the run panel). */
const MAX_LISTED = 100;

/**
 * Any two versions compared: what changed in words, the two canvases side by side with the
 * added, changed and removed steps marked, and both simulated on a cohort.
 */
export function VersionCompare({ draft }: { draft: Journey }) {
  const t = useT();
  const words = useChangeWords();
  const id = useId();
  const store = useAppStore();
  const history = useApp((s) => s.history);
  const versions = history?.versions ?? [];
  const newest = versions[0]?.version;
  const [from, setFrom] = useState<string>(String(versions[1]?.version ?? newest ?? ''));
  const [to, setTo] = useState<string>(DRAFT);
  const documentOf = (key: string) =>
    key === DRAFT ? draft : (history?.documents[Number(key)] ?? null);
  const before = documentOf(from);
  const after = documentOf(to);

  useEffect(() => {
    for (const key of [from, to])
      if (key && key !== DRAFT) void store.getState().loadVersionDocument(Number(key));
  }, [store, from, to]);

  const changes = useMemo(
    () => (before && after ? diffJourneys(before, after) : null),
    [before, after],
  );
  const pictures = useMemo(() => {
    if (!before || !after || !changes) return null;
    const marks = stepMarks(changes);
    return {
      before: svgAddress(canvasPicture(before, { marks: marks.before })),
      after: svgAddress(canvasPicture(after, { marks: marks.after })),
    };
  }, [before, after, changes]);
  if (newest === undefined) return null;

  const label = (key: string) =>
    key === DRAFT ? t('history.draft') : t('history.version', { version: key });
  const picker = (value: string, set: (v: string) => void, name: 'from' | 'to') => (
    <div className="field is-inline">
      <label className="field-label" htmlFor={`${id}-${name}`}>
        {name === 'from' ? t('history.compareFrom') : t('history.compareTo')}
      </label>
      <select
        id={`${id}-${name}`}
        className="select"
        value={value}
        onChange={(e) => set(e.target.value)}
      >
        {versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            {label(String(v.version))}
          </option>
        ))}
        <option value={DRAFT}>{label(DRAFT)}</option>
      </select>
    </div>
  );

  return (
    <section className="history-compare" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-title">
        {t('history.compare')}
      </h3>
      <div className="history-pickers">
        {picker(from, setFrom, 'from')}
        {picker(to, setTo, 'to')}
      </div>
      <h4 className="history-subtitle">
        {t('history.diffTitle', { from: label(from), to: label(to) })}
      </h4>
      {!changes ? (
        <p className="run-changes-note">{t('history.diffLoading')}</p>
      ) : changes.length === 0 ? (
        <p className="run-changes-note">{t('history.diffNone')}</p>
      ) : (
        <ul className="run-changes-list" tabIndex={0} data-testid="history-diff">
          {changes.slice(0, MAX_LISTED).map((change, i) => (
            <li key={i}>{words(change)}</li>
          ))}
          {changes.length > MAX_LISTED && (
            <li className="run-changes-note">
              {t('versions.more', { count: changes.length - MAX_LISTED })}
            </li>
          )}
        </ul>
      )}
      {pictures && (
        <>
          <h4 className="history-subtitle">{t('history.canvases')}</h4>
          <p className="history-legend">
            <span className="mark is-added">{t('history.legend.added')}</span>
            <span className="mark is-changed">{t('history.legend.changed')}</span>
            <span className="mark is-removed">{t('history.legend.removed')}</span>
          </p>
          <div className="history-canvases" data-testid="history-canvases">
            {SIDES.map((side) => (
              <figure key={side} className="history-canvas">
                <figcaption>{label(side === 'before' ? from : to)}</figcaption>
                <img
                  src={pictures[side]}
                  alt={t('history.canvasAlt', { label: label(side === 'before' ? from : to) })}
                />
              </figure>
            ))}
          </div>
        </>
      )}
      {from !== DRAFT && (
        <CohortCompare before={Number(from)} {...(to !== DRAFT && { after: Number(to) })} />
      )}
    </section>
  );
}
