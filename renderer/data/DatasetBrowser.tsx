import { useEffect, useState } from 'react';
import type { Dataset } from '../../core/api/data-contract';
import { CloseIcon, SearchIcon } from '../nodes/icons';
import { useT } from '../i18n/I18nProvider';
import { useTimeFormats } from '../simulation/use-time-formats';
import { useApp } from '../store/app-store';
import { BROWSE_PAGE } from '../store/data-slice';
import { cellText } from './column-mapping';

const SEARCH_DELAY_MS = 250;

function properties(values: Record<string, unknown>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}: ${cellText(v).text}`)
    .join(' · ');
}

/** Every profile or event of a data set, a page at a time, searched in ids and values. */
export function DatasetBrowser({ dataset }: { dataset: Dataset }) {
  const browse = useApp((s) => (s.data.browse?.datasetId === dataset.id ? s.data.browse : null));
  const browseDataset = useApp((s) => s.browseDataset);
  const [query, setQuery] = useState('');
  const t = useT();
  const { count, dateTime } = useTimeFormats();

  useEffect(() => {
    void browseDataset({ query: '', profileId: null });
  }, [browseDataset, dataset.id]);

  useEffect(() => {
    if (!browse || query === browse.query) return;
    const timer = setTimeout(() => void browseDataset({ query }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, browse, browseDataset]);

  const total = browse?.total ?? 0;
  const offset = browse?.offset ?? 0;
  const shown =
    dataset.kind === 'events' ? (browse?.events.length ?? 0) : (browse?.profiles.length ?? 0);
  const columns = ['id', ...dataset.columns.filter((c) => c !== 'id')];

  return (
    <section
      className="browser"
      aria-label={t(dataset.kind === 'events' ? 'data.events' : 'data.profiles')}
    >
      <div className="browser-tools">
        <div className="library-search browser-search">
          <SearchIcon size={16} />
          <input
            className="input is-bare"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t(
              dataset.kind === 'events'
                ? 'data.browse.searchEventsHint'
                : 'data.browse.searchProfilesHint',
            )}
            aria-label={t(
              dataset.kind === 'events' ? 'data.browse.searchEvents' : 'data.browse.searchProfiles',
            )}
          />
        </div>
        {browse?.profileId && (
          <span className="filter-chip">
            {t('data.browse.profile', { id: browse.profileId })}
            {browse.alsoKnownAs && (
              <span className="is-muted" data-testid="also-known-as">
                {' · '}
                {t('data.browser.alsoKnownAs', { ids: browse.alsoKnownAs.join(', ') })}
              </span>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={t('data.browse.everyProfile')}
              onClick={() => void browseDataset({ profileId: null })}
            >
              <CloseIcon size={12} />
            </button>
          </span>
        )}
        <span className="browser-count" data-testid="browse-count">
          {browse?.loading && !shown
            ? t('data.loading')
            : total === 0
              ? t('data.browse.nothing')
              : t('data.browse.range', {
                  from: count(offset + 1),
                  to: count(offset + shown),
                  total: count(total),
                })}
        </span>
        <div className="pager">
          <button
            type="button"
            className="button is-small"
            disabled={offset === 0 || browse?.loading}
            onClick={() => void browseDataset({ offset: Math.max(0, offset - BROWSE_PAGE) })}
          >
            {t('data.browse.previous')}
          </button>
          <button
            type="button"
            className="button is-small"
            disabled={offset + shown >= total || browse?.loading}
            onClick={() => void browseDataset({ offset: offset + BROWSE_PAGE })}
          >
            {t('data.browse.next')}
          </button>
        </div>
      </div>
      <div
        className={`table-scroll is-tall${browse?.loading ? ' is-stale' : ''}`}
        tabIndex={0}
        role="region"
        aria-label={`Rows of ${dataset.name}`}
      >
        {dataset.kind === 'events' ? (
          <table className="data-table" data-testid="browse-table">
            <thead>
              <tr>
                <th scope="col">{t('data.browse.time')}</th>
                <th scope="col">{t('data.browse.profileColumn')}</th>
                <th scope="col">{t('data.browse.event')}</th>
                <th scope="col">{t('data.browse.properties')}</th>
              </tr>
            </thead>
            <tbody>
              {(browse?.events ?? []).map((e, i) => (
                <tr key={`${offset}-${i}`}>
                  <td className="is-nowrap">{dateTime(e.time, 'UTC')}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      title={t('data.browse.thisProfile')}
                      onClick={() => void browseDataset({ profileId: e.profileId })}
                    >
                      {e.profileId}
                    </button>
                    {e.anonymousId !== undefined && (
                      <span
                        className="is-muted"
                        title={t('data.browser.anonymousIdTitle', { id: e.anonymousId })}
                      >
                        {' '}
                        {t('data.browser.anonymousId', { id: e.anonymousId })}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="event-chip">{e.name}</span>
                  </td>
                  <td className="is-muted" title={properties(e.properties)}>
                    {properties(e.properties)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="data-table" data-testid="browse-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(browse?.profiles ?? []).map((p) => (
                <tr key={p.id}>
                  {columns.map((c) => {
                    const cell = cellText(c === 'id' ? p.id : p.attributes[c]);
                    return (
                      <td key={c} className={`is-${cell.kind}`} title={cell.text}>
                        {cell.text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
