import { useEffect, useState } from 'react';
import type { Dataset } from '../../core/api/data-contract';
import { CloseIcon, SearchIcon } from '../nodes/icons';
import { count, dateTime } from '../simulation/format';
import { useT } from '../i18n/I18nProvider';
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
    <section className="browser" aria-label={dataset.kind === 'events' ? 'Events' : 'Profiles'}>
      <div className="browser-tools">
        <div className="library-search browser-search">
          <SearchIcon size={16} />
          <input
            className="input is-bare"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={
              dataset.kind === 'events'
                ? 'Search events by name or property'
                : 'Search profiles by id or any attribute'
            }
            aria-label={dataset.kind === 'events' ? 'Search events' : 'Search profiles'}
          />
        </div>
        {browse?.profileId && (
          <span className="filter-chip">
            Profile {browse.profileId}
            {browse.alsoKnownAs && (
              <span className="is-muted" data-testid="also-known-as">
                {' · '}
                {t('data.browser.alsoKnownAs', { ids: browse.alsoKnownAs.join(', ') })}
              </span>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label="Show every profile's events"
              onClick={() => void browseDataset({ profileId: null })}
            >
              <CloseIcon size={12} />
            </button>
          </span>
        )}
        <span className="browser-count" data-testid="browse-count">
          {browse?.loading && !shown
            ? 'Loading…'
            : total === 0
              ? 'Nothing found'
              : `${count(offset + 1)}–${count(offset + shown)} of ${count(total)}`}
        </span>
        <div className="pager">
          <button
            type="button"
            className="button is-small"
            disabled={offset === 0 || browse?.loading}
            onClick={() => void browseDataset({ offset: Math.max(0, offset - BROWSE_PAGE) })}
          >
            Previous
          </button>
          <button
            type="button"
            className="button is-small"
            disabled={offset + shown >= total || browse?.loading}
            onClick={() => void browseDataset({ offset: offset + BROWSE_PAGE })}
          >
            Next
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
                <th scope="col">Time (UTC)</th>
                <th scope="col">Profile</th>
                <th scope="col">Event</th>
                <th scope="col">Properties</th>
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
                      title="Show this profile's events"
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
