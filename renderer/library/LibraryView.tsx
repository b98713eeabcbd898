import { BrandKitButton } from '../brand/BrandKitButton';
import { SendingPolicyButton } from '../policy/SendingPolicyButton';
import { useEffect, useState } from 'react';
import type { JourneySummary } from '../../core/api/contract';
import {
  CopyIcon,
  DatabaseIcon,
  DownloadIcon,
  InboxIcon,
  PencilIcon,
  PlusIcon,
  SearchIcon,
  SettingsIcon,
  TrashIcon,
  UploadIcon,
} from '../nodes/icons';
import { useT } from '../i18n/I18nProvider';
import { useApp, useAppStore } from '../store/app-store';
import { relativeTime } from './relative-time';

/** The library: every journey, new ones (blank or from a starter), import and export. */
export function LibraryView() {
  const t = useT();
  const store = useAppStore();
  const journeys = useApp((s) => s.journeys);
  const templates = useApp((s) => s.templates);
  const { refreshLibrary, loadTemplates, openDialog, importFromFile, showData, showOutbox } =
    store.getState();
  const [query, setQuery] = useState('');
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void refreshLibrary();
    void loadTemplates();
  }, [refreshLibrary, loadTemplates]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const shown = (journeys ?? []).filter((j) =>
    `${j.name} ${j.description ?? ''}`.toLowerCase().includes(query.trim().toLowerCase()),
  );

  return (
    <div className="library" data-testid="library">
      <header className="library-head">
        <div>
          <h1 className="library-title">Journeys</h1>
          <p className="library-subtitle">
            Draw a journey, simulate it on sample data, then run it for real.
          </p>
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={showData}>
            <DatabaseIcon size={16} /> Sample data
          </button>
          <button
            type="button"
            className="button"
            data-testid="library-settings"
            onClick={() => openDialog({ type: 'library-settings' })}
          >
            <SettingsIcon size={16} /> {t('library.settings')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="library-outbox"
            onClick={() => showOutbox({ journeyId: null })}
          >
            <InboxIcon size={16} /> Outbox
          </button>
          <BrandKitButton />
          <SendingPolicyButton />
          <button type="button" className="button" onClick={() => void importFromFile()}>
            <UploadIcon size={16} /> Import…
          </button>
          <button
            type="button"
            className="button is-primary"
            onClick={() => openDialog({ type: 'new-journey' })}
          >
            <PlusIcon size={16} /> New journey
          </button>
        </div>
      </header>

      {journeys && journeys.length > 0 && (
        <div className="library-search">
          <SearchIcon size={16} />
          <input
            className="input is-bare"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Find a journey"
            aria-label="Find a journey"
          />
        </div>
      )}

      {journeys === null ? (
        <p className="library-empty">Loading…</p>
      ) : journeys.length === 0 ? (
        <div className="library-empty">
          <p className="library-empty-title">No journeys yet</p>
          <p>Start from a blank canvas or one of the starters below.</p>
        </div>
      ) : (
        <ul className="journey-list" aria-label="Journeys">
          {shown.map((journey) => (
            <JourneyRow key={journey.id} journey={journey} now={now} />
          ))}
          {shown.length === 0 && <li className="library-empty">No journey matches “{query}”.</li>}
        </ul>
      )}

      {templates.length > 0 && (
        <section className="starters" aria-label="Starters">
          <h2 className="section-title">Start from a template</h2>
          <div className="template-grid">
            {templates.map((t) => (
              <button
                key={t.id}
                type="button"
                className="template-card"
                onClick={() => openDialog({ type: 'new-journey', templateId: t.id })}
              >
                <span className="template-category">{t.category}</span>
                <strong>{t.name}</strong>
                <span>{t.description}</span>
              </button>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}

function JourneyRow({ journey, now }: { journey: JourneySummary; now: number }) {
  const { openJourney, openDialog, duplicateJourney, exportJourney } = useAppStore().getState();
  const steps = `${journey.nodeCount} step${journey.nodeCount === 1 ? '' : 's'}`;
  return (
    <li className="journey-row" data-testid={`journey-${journey.id}`}>
      <button type="button" className="journey-open" onClick={() => void openJourney(journey.id)}>
        <span className="journey-name">{journey.name}</span>
        {journey.description && <span className="journey-description">{journey.description}</span>}
        <span className="journey-meta">
          <span>{steps}</span>
          <span className={journey.errors ? 'is-error' : 'is-ok'}>
            {journey.errors
              ? `${journey.errors} problem${journey.errors === 1 ? '' : 's'}`
              : 'Ready'}
          </span>
          <span>Edited {relativeTime(journey.updatedAt, now)}</span>
          {journey.liveVersion !== undefined && (
            <span className="is-live">Live v{journey.liveVersion}</span>
          )}
        </span>
      </button>
      <div className="journey-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={`Rename ${journey.name}`}
          title="Rename"
          onClick={() => openDialog({ type: 'rename', id: journey.id, name: journey.name })}
        >
          <PencilIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Duplicate ${journey.name}`}
          title="Duplicate"
          onClick={() => void duplicateJourney(journey.id)}
        >
          <CopyIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Export ${journey.name}`}
          title="Export the journey file"
          onClick={() => void exportJourney(journey.id)}
        >
          <DownloadIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button is-danger"
          aria-label={`Delete ${journey.name}`}
          title="Delete"
          onClick={() => openDialog({ type: 'delete', id: journey.id, name: journey.name })}
        >
          <TrashIcon size={16} />
        </button>
      </div>
    </li>
  );
}
