import { useEffect } from 'react';
import type { Dataset } from '../../core/api/data-contract';
import { ChevronLeftIcon, PlusIcon, UploadIcon } from '../nodes/icons';
import { count, date, plural, timeRange } from '../simulation/format';
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
          <ChevronLeftIcon size={16} /> {journeyName ?? 'Journeys'}
        </button>
        <div className="data-title">
          <h1>Sample data</h1>
          <p>Customers and what they did, to simulate journeys on before they go live.</p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => openDialog({ type: 'generate-data' })}
          >
            <PlusIcon size={16} /> Generate sample customers
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void chooseImportFile('profiles')}
          >
            <UploadIcon size={16} /> Import profiles…
          </button>
          <button
            type="button"
            className="button is-primary"
            onClick={() => void chooseImportFile('events')}
          >
            <UploadIcon size={16} /> Import events…
          </button>
        </div>
      </header>

      {datasets === null ? (
        <p className="library-empty">Loading…</p>
      ) : datasets.length === 0 ? (
        <div className="library-empty data-empty">
          <p className="library-empty-title">No sample data yet</p>
          <p>
            Import a CSV or JSON export of your customers or their events (Segment, REES46 and
            similar exports are read as they are), or generate made-up customers to start with.
          </p>
        </div>
      ) : (
        <div className="data-main">
          <nav className="dataset-list" aria-label="Data sets">
            <DatasetGroup title="Events" datasets={events} selectedId={selectedId} />
            <DatasetGroup title="Profiles" datasets={profiles} selectedId={selectedId} />
          </nav>
          {selected ? (
            <DatasetDetail key={selected.id} dataset={selected} />
          ) : (
            <p className="data-pick">Choose a data set to see what it holds.</p>
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
                  ? `${plural(d.rows, 'event')} · ${plural(d.profiles, 'profile')}`
                  : plural(d.rows, 'profile')}
                {d.rejected > 0 && (
                  <span className="is-warning"> · {count(d.rejected)} left out</span>
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
  const names = Object.entries(dataset.eventNames ?? {}).sort((a, b) => b[1] - a[1]);
  return (
    <section className="dataset-detail" aria-label={dataset.name}>
      <header className="dataset-detail-head">
        <div>
          <span className="inspector-kind">
            {dataset.kind === 'events' ? 'Events' : 'Profiles'} ·{' '}
            {dataset.source === 'generated' ? 'generated' : 'imported'}
          </span>
          <h2 className="dataset-title">{dataset.name}</h2>
        </div>
        <button
          type="button"
          className="button is-quiet is-danger-text"
          onClick={() => openDialog({ type: 'delete-dataset', id: dataset.id, name: dataset.name })}
        >
          Delete
        </button>
      </header>
      <dl className="dataset-facts">
        <div>
          <dt>{dataset.kind === 'events' ? 'Events' : 'Profiles'}</dt>
          <dd>{count(dataset.rows)}</dd>
        </div>
        {dataset.kind === 'events' && (
          <div>
            <dt>Profiles</dt>
            <dd>{count(dataset.profiles)}</dd>
          </div>
        )}
        {dataset.firstEvent && dataset.lastEvent && (
          <div>
            <dt>From – to (UTC)</dt>
            <dd>{timeRange(dataset.firstEvent, dataset.lastEvent, 'UTC')}</dd>
          </div>
        )}
        <div>
          <dt>{dataset.source === 'generated' ? 'Generated' : 'Imported'}</dt>
          <dd>
            {date(dataset.importedAt)}
            {dataset.fileName ? ` from ${dataset.fileName}` : ''}
          </dd>
        </div>
        {dataset.rejected > 0 && (
          <div className="is-warning">
            <dt>Left out</dt>
            <dd>{plural(dataset.rejected, 'row')}</dd>
          </div>
        )}
        {dataset.mapping && (
          <div>
            <dt>Columns read</dt>
            <dd>
              <code>{dataset.mapping}</code>
            </dd>
          </div>
        )}
      </dl>
      {names.length > 0 && (
        <ul className="event-names" aria-label="Events in this data set">
          {names.slice(0, 12).map(([name, n]) => (
            <li key={name}>
              <span>{name}</span>
              <span className="event-name-count">{count(n)}</span>
            </li>
          ))}
          {names.length > 12 && <li className="is-more">+{names.length - 12} more</li>}
        </ul>
      )}
      <DatasetBrowser dataset={dataset} />
    </section>
  );
}
