import { useState } from 'react';
import type { Dataset } from '../../core/api/data-contract';
import { useT, type Translate } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { DatabaseIcon, PlusIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import type { SimulationSetup, WindowLength } from './setup';
import { useTimeFormats, type TimeFormats } from './use-time-formats';

const LENGTHS: { value: WindowLength; label: MessageId }[] = [
  { value: 'data', label: 'sim.setup.length.data' },
  { value: 'days', label: 'sim.setup.length.days' },
  { value: 'end', label: 'sim.setup.length.end' },
];

function windowSummary(
  t: Translate,
  f: TimeFormats,
  setup: SimulationSetup,
  events: Dataset | undefined,
): string {
  const start = setup.start ? f.instant(`${setup.start}:00Z`) : undefined;
  if (setup.length === 'days')
    return start
      ? t('sim.setup.sum.daysFrom', { days: setup.days, start })
      : t('sim.setup.sum.daysFirst', { days: setup.days });
  if (setup.length === 'end' && setup.end)
    return t('sim.setup.sum.until', {
      start: start ?? t('sim.setup.sum.firstEvent'),
      end: f.instant(`${setup.end}:00Z`),
    });
  if (events?.firstEvent && events.lastEvent && !setup.start)
    return t('sim.setup.sum.own', {
      length: f.duration(Date.parse(events.lastEvent) - Date.parse(events.firstEvent)),
    });
  return start ? t('sim.setup.sum.from', { start }) : t('sim.setup.sum.fromFirst');
}

/**
 * What to simulate with: data sets, a window and a seed. Once there are results, it folds into
 * one line saying what they come from, so the results get the room.
 */
export function SetupForm({ folded: initiallyFolded }: { folded: boolean }) {
  const t = useT();
  const f = useTimeFormats();
  const { count, dateTime } = f;
  const store = useAppStore();
  const setup = useApp((s) => s.simulation.setup);
  const datasets = useApp((s) => s.data.datasets);
  const running = useApp((s) => s.simulation.running);
  const [folded, setFolded] = useState(initiallyFolded);
  const { updateSimulationSetup: update, showData, openDialog } = store.getState();
  const events = (datasets ?? []).filter((d) => d.kind === 'events');
  const profiles = (datasets ?? []).filter((d) => d.kind === 'profiles');
  const chosenEvents = events.find((d) => d.id === setup.eventsDatasetId);
  const chosenProfiles = profiles.find((d) => d.id === setup.profilesDatasetId);

  if (folded) {
    const data = [chosenProfiles?.name, chosenEvents?.name].filter(Boolean).join(' + ');
    return (
      <section className="sim-setup is-folded" aria-label={t('sim.setup.label')}>
        <div className="sim-setup-line">
          <span className="sim-setup-data" title={data}>
            {data || t('sim.setup.noData')}
          </span>
          <span className="sim-setup-window">
            {windowSummary(t, f, setup, chosenEvents)} ·{' '}
            {t('sim.setup.seedFolded', { seed: setup.seed || '0' })}
            {setup.withLive && ` · ${t('portfolio.withLive.folded')}`}
          </span>
        </div>
        <button type="button" className="button is-small" onClick={() => setFolded(false)}>
          {t('sim.setup.change')}
        </button>
      </section>
    );
  }

  return (
    <section className="sim-setup" aria-label={t('sim.setup.label')}>
      <div className="field">
        <label className="field-label" htmlFor="sim-events">
          {t('data.events')}
        </label>
        <select
          id="sim-events"
          className="select"
          value={setup.eventsDatasetId}
          disabled={running}
          onChange={(e) => update({ eventsDatasetId: e.target.value })}
        >
          <option value="">{t('sim.setup.none')}</option>
          {events.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({count(d.rows)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="sim-profiles">
          {t('data.profiles')}
        </label>
        <select
          id="sim-profiles"
          className="select"
          value={setup.profilesDatasetId}
          disabled={running}
          onChange={(e) => update({ profilesDatasetId: e.target.value })}
        >
          <option value="">
            {t(setup.eventsDatasetId ? 'sim.setup.thoseInEvents' : 'sim.setup.none')}
          </option>
          {profiles.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({count(d.rows)})
            </option>
          ))}
        </select>
      </div>
      <div className="sim-data-links">
        <button type="button" className="link-button" onClick={showData}>
          <DatabaseIcon size={14} /> {t('sim.setup.manage')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => openDialog({ type: 'generate-data', forSimulation: true })}
        >
          <PlusIcon size={14} /> {t('sim.setup.generate')}
        </button>
      </div>

      <div className="field">
        <label className="field-label" htmlFor="sim-start">
          {t('sim.setup.starts')} <span className="field-optional">{t('sim.setup.utc')}</span>
        </label>
        <input
          id="sim-start"
          className="input"
          type="datetime-local"
          value={setup.start}
          disabled={running}
          onChange={(e) => update({ start: e.target.value })}
        />
        <span className="field-help">
          {setup.start
            ? t('sim.setup.startHelp')
            : chosenEvents?.firstEvent
              ? t('sim.setup.startEmptyAt', { at: dateTime(chosenEvents.firstEvent, 'UTC') })
              : t('sim.setup.startEmpty')}
        </span>
      </div>
      <div className="field">
        <span className="field-label" id="sim-length-label">
          {t('sim.setup.runs')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="sim-length-label">
          {LENGTHS.map((l) => (
            <button
              key={l.value}
              type="button"
              role="radio"
              aria-checked={setup.length === l.value}
              className={`choice${setup.length === l.value ? ' is-on' : ''}`}
              disabled={running}
              onClick={() => update({ length: l.value })}
            >
              {t(l.label)}
            </button>
          ))}
        </div>
        {setup.length === 'days' && (
          <div className="inline-fields">
            <input
              className="input is-number"
              type="number"
              min={1}
              aria-label={t('sim.setup.days')}
              value={setup.days}
              disabled={running}
              onChange={(e) => update({ days: e.target.value })}
            />
            <span className="field-help">{t('sim.setup.daysHelp')}</span>
          </div>
        )}
        {setup.length === 'end' && (
          <input
            className="input"
            type="datetime-local"
            aria-label={t('sim.setup.ends')}
            value={setup.end}
            disabled={running}
            onChange={(e) => update({ end: e.target.value })}
          />
        )}
        {setup.length === 'data' && chosenEvents?.lastEvent && (
          <span className="field-help">
            {t('sim.setup.pastLast', { at: dateTime(chosenEvents.lastEvent, 'UTC') })}
          </span>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor="sim-seed">
          {t('sim.setup.seed')}
        </label>
        <div className="inline-fields">
          <input
            id="sim-seed"
            className="input is-number"
            type="number"
            min={0}
            value={setup.seed}
            aria-describedby="sim-seed-help"
            disabled={running}
            onChange={(e) => update({ seed: e.target.value })}
          />
          <span className="field-help" id="sim-seed-help">
            {t('sim.setup.seedHelp')}
          </span>
        </div>
      </div>
      <div className="field">
        <label className="check-line">
          <input
            type="checkbox"
            checked={setup.withLive}
            disabled={running}
            aria-describedby="sim-with-live-help"
            onChange={(e) => update({ withLive: e.target.checked })}
            data-testid="sim-with-live"
          />
          {t('portfolio.withLive')}
        </label>
        <span className="field-help" id="sim-with-live-help">
          {t('portfolio.withLive.help')}
        </span>
      </div>
    </section>
  );
}
