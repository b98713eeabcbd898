import { BrandKitButton } from '../brand/BrandKitButton';
import { SendingPolicyButton } from '../policy/SendingPolicyButton';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
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
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { LanguagePicker } from '../settings/LanguagePicker';
import { useApp, useAppStore } from '../store/app-store';
import { relativeTime } from './relative-time';
import { starterWords } from './starter-words';

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
    <main className="library" data-testid="library">
      <header className="library-head">
        <div>
          <h1 className="library-title">{t('library.title')}</h1>
          <p className="library-subtitle">{t('library.subtitle')}</p>
        </div>
        <div className="button-row">
          <LanguagePicker compact />
          <button type="button" className="button" onClick={showData}>
            <DatabaseIcon size={16} /> {t('library.sampleData')}
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
            <InboxIcon size={16} /> {t('library.outbox')}
          </button>
          <BrandKitButton />
          <SendingPolicyButton />
          <button type="button" className="button" onClick={() => void importFromFile()}>
            <UploadIcon size={16} /> {t('library.import')}
          </button>
          <button
            type="button"
            className="button is-primary"
            onClick={() => openDialog({ type: 'new-journey' })}
          >
            <PlusIcon size={16} /> {t('library.new')}
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
            placeholder={t('library.find')}
            aria-label={t('library.find')}
          />
        </div>
      )}

      {journeys === null ? (
        <p className="library-empty">{t('library.loading')}</p>
      ) : journeys.length === 0 ? (
        <div className="library-empty">
          <p className="library-empty-title">{t('library.empty.title')}</p>
          <p>{t('library.empty.text')}</p>
        </div>
      ) : (
        <ul className="journey-list" aria-label={t('library.title')}>
          {shown.map((journey) => (
            <JourneyRow key={journey.id} journey={journey} now={now} />
          ))}
          {shown.length === 0 && (
            <li className="library-empty">{t('library.noMatch', { query })}</li>
          )}
        </ul>
      )}

      {templates.length > 0 && (
        <section className="starters" aria-label={t('library.starters')}>
          <h2 className="section-title">{t('library.starters.title')}</h2>
          <div className="template-grid">
            {templates.map((template) => {
              const words = starterWords(t, template);
              return (
                <button
                  key={template.id}
                  type="button"
                  className="template-card"
                  onClick={() => openDialog({ type: 'new-journey', templateId: template.id })}
                >
                  <span className="template-category">{words.category}</span>
                  <strong>{words.name}</strong>
                  <span>{words.description}</span>
                </button>
              );
            })}
          </div>
        </section>
      )}
    </main>
  );
}

function JourneyRow({ journey, now }: { journey: JourneySummary; now: number }) {
  const t = useT();
  const f = useFormats();
  const intl = useIntl();
  const { openJourney, openDialog, duplicateJourney, exportJourney } = useAppStore().getState();
  const name = journey.name;
  return (
    <li className="journey-row" data-testid={`journey-${journey.id}`}>
      <button type="button" className="journey-open" onClick={() => void openJourney(journey.id)}>
        <span className="journey-name">{name}</span>
        {journey.description && <span className="journey-description">{journey.description}</span>}
        <span className="journey-meta">
          <span>{t('library.steps', { count: journey.nodeCount })}</span>
          <span className={journey.errors ? 'is-error' : 'is-ok'}>
            {journey.errors ? t('library.problems', { count: journey.errors }) : t('library.ready')}
          </span>
          <time dateTime={journey.updatedAt} title={f.dateTime(Date.parse(journey.updatedAt))}>
            {t('library.edited', {
              when: relativeTime(journey.updatedAt, now, intl.locale, t('library.justNow')),
            })}
          </time>
          {journey.liveVersion !== undefined && (
            <span className="is-live">{t('library.live', { version: journey.liveVersion })}</span>
          )}
        </span>
      </button>
      <div className="journey-actions">
        <button
          type="button"
          className="icon-button"
          aria-label={t('library.rename', { name })}
          title={t('library.rename.short')}
          onClick={() => openDialog({ type: 'rename', id: journey.id, name })}
        >
          <PencilIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('library.duplicate', { name })}
          title={t('library.duplicate.short')}
          onClick={() => void duplicateJourney(journey.id)}
        >
          <CopyIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('library.export', { name })}
          title={t('library.export.short')}
          onClick={() => void exportJourney(journey.id)}
        >
          <DownloadIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button is-danger"
          aria-label={t('library.delete', { name })}
          title={t('library.delete.short')}
          onClick={() => openDialog({ type: 'delete', id: journey.id, name })}
        >
          <TrashIcon size={16} />
        </button>
      </div>
    </li>
  );
}
