import { useEffect } from 'react';
import type { Dataset } from '../../core/api/data-contract';
import { ChevronLeftIcon, PlusIcon, UploadIcon } from '../nodes/icons';
import { useT } from '../i18n/I18nProvider';
import { useTimeFormats } from '../simulation/use-time-formats';
import { useApp, useAppStore } from '../store/app-store';
import { DatasetBrowser } from './DatasetBrowser';

/**
 * Sample data for simulations: the data sets imported or generated, what each holds, and every
 * profile and event in them, searchable. Reached from the library and from the simulation panel.
 */
export function DataView() {
  const store = useAppStore();
  const datasets = useApp((s) => s.data.datasets);
  const selectedId = useApp((s) => s.data.selectedId);
  const journeyName = useApp((s) => s.journey?.name);
  const { refreshDatasets, leaveData, chooseImportFile, openDialog } = store.getState();
  const t = useT();
  useEffect(() => {
    void refreshDatasets();
  }, [refreshDatasets]);
  const selected = datasets?.find((d) => d.id === selectedId);
  const events = (datasets ?? []).filter((d) => d.kind === 'events');
  const profiles = (datasets ?? []).filter((d) => d.kind === 'profiles');

  return (
    <main className="data-view" data-testid="data-view">
      <header className="data-head">
        <button type="button" className="button is-quiet" onClick={leaveData}>
          <ChevronLeftIcon size={16} /> {journeyName ?? t('data.journeys')}
        </button>
        <div className="data-title">
          <h1>{t('data.title')}</h1>
          <p>{t('data.intro')}</p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => openDialog({ type: 'generate-data' })}
          >
            <PlusIcon size={16} /> {t('data.generate.title')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void chooseImportFile('profiles')}
          >
            <UploadIcon size={16} /> {t('data.importProfiles')}
          </button>
          <button
            type="button"
            className="button is-primary"
            onClick={() => void chooseImportFile('events')}
          >
            <UploadIcon size={16} /> {t('data.importEvents')}
          </button>
        </div>
      </header>

      {datasets === null ? (
        <p className="library-empty">{t('data.loading')}</p>
      ) : datasets.length === 0 ? (
        <div className="library-empty data-empty">
          <p className="library-empty-title">{t('data.empty.title')}</p>
          <p>{t('data.empty.text')}</p>
        </div>
      ) : (
        <div className="data-main">
          <nav className="dataset-list" aria-label={t('data.sets')}>
            <DatasetGroup title={t('data.events')} datasets={events} selectedId={selectedId} />
            <DatasetGroup title={t('data.profiles')} datasets={profiles} selectedId={selectedId} />
          </nav>
          {selected ? (
            <DatasetDetail key={selected.id} dataset={selected} />
          ) : (
            <p className="data-pick">{t('data.pick')}</p>
          )}
        </div>
      )}
    </main>
  );
}

function DatasetGroup({
  title,
  datasets,
  selectedId,
}: {
  title: string;
  datasets: Dataset[];
  selectedId: string | null;
}) {
  const selectDataset = useApp((s) => s.selectDataset);
  const t = useT();
  if (datasets.length === 0) return null;
  return (
    <section className="dataset-group">
      <h2 className="section-title">{title}</h2>
      <ul>
        {datasets.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className={`dataset-item${d.id === selectedId ? ' is-on' : ''}`}
              aria-current={d.id === selectedId}
              data-testid={`dataset-${d.kind}`}
              onClick={() => selectDataset(d.id)}
            >
              <span className="dataset-name">{d.name}</span>
              <span className="dataset-meta">
                {d.kind === 'events'
                  ? `${t('data.count.events', { n: d.rows })} · ${t('data.count.profiles', { n: d.profiles })}`
                  : t('data.count.profiles', { n: d.rows })}
                {d.rejected > 0 && (
                  <span className="is-warning">
                    {' · '}
                    {t('data.count.leftOut', { n: d.rejected })}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DatasetDetail({ dataset }: { dataset: Dataset }) {
  const openDialog = useApp((s) => s.openDialog);
  const t = useT();
  const { count, date, timeRange } = useTimeFormats();
  const names = Object.entries(dataset.eventNames ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <section className="dataset-detail" aria-label={dataset.name}>
      <header className="dataset-detail-head">
        <div>
          <span className="inspector-kind">
            {t(dataset.kind === 'events' ? 'data.events' : 'data.profiles')} ·{' '}
            {t(dataset.source === 'generated' ? 'data.source.generated' : 'data.source.imported')}
          </span>
          <h2 className="dataset-title">{dataset.name}</h2>
        </div>
        <button
          type="button"
          className="button is-quiet is-danger-text"
          onClick={() => openDialog({ type: 'delete-dataset', id: dataset.id, name: dataset.name })}
        >
          {t('data.delete')}
        </button>
      </header>
      <dl className="dataset-facts">
        <div>
          <dt>{t(dataset.kind === 'events' ? 'data.events' : 'data.profiles')}</dt>
          <dd>{count(dataset.rows)}</dd>
        </div>
        {dataset.kind === 'events' && (
          <div>
            <dt>{t('data.profiles')}</dt>
            <dd>{count(dataset.profiles)}</dd>
          </div>
        )}
        {dataset.firstEvent && dataset.lastEvent && (
          <div>
            <dt>{t('data.fromTo')}</dt>
            <dd>{timeRange(dataset.firstEvent, dataset.lastEvent, 'UTC')}</dd>
          </div>
        )}
        <div>
          <dt>{t(dataset.source === 'generated' ? 'data.generated' : 'data.imported')}</dt>
          <dd>
            {dataset.fileName
              ? t('data.dateFrom', { date: date(dataset.importedAt), file: dataset.fileName })
              : date(dataset.importedAt)}
          </dd>
        </div>
        {dataset.rejected > 0 && (
          <div className="is-warning">
            <dt>{t('data.leftOut')}</dt>
            <dd>{t('data.count.rows', { n: dataset.rejected })}</dd>
          </div>
        )}
        {dataset.mapping && (
          <div>
            <dt>{t('data.columnsRead')}</dt>
            <dd>
              <code>{dataset.mapping}</code>
            </dd>
          </div>
        )}
      </dl>
      {names.length > 0 && (
        <ul className="event-names" aria-label={t('data.eventNames')}>
          {names.slice(0, 12).map(([name, n]) => (
            <li key={name}>
              <span>{name}</span>
              <span className="event-name-count">{count(n)}</span>
            </li>
          ))}
          {names.length > 12 && (
            <li className="is-more">{t('data.more', { n: names.length - 12 })}</li>
          )}
        </ul>
      )}
      <DatasetBrowser dataset={dataset} />
    </section>
  );
}
