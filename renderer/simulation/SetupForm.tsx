import { useState } from 'react';
import type { Dataset } from '../../core/api/data-contract';
import { useT } from '../i18n/I18nProvider';
import { DatabaseIcon, PlusIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import { count, dateTime, duration, instant } from './format';
import type { SimulationSetup, WindowLength } from './setup';

const LENGTHS: { value: WindowLength; label: string }[] = [
  { value: 'data', label: 'Through the journey' },
  { value: 'days', label: 'For days' },
  { value: 'end', label: 'Until' },
];

function windowSummary(setup: SimulationSetup, events: Dataset | undefined): string {
  const from = setup.start ? `from ${instant(`${setup.start}:00Z`)}` : 'from the first event';
  if (setup.length === 'days') return `${setup.days} days ${from}${setup.start ? ' UTC' : ''}`;
  if (setup.length === 'end' && setup.end)
    return `${setup.start ? instant(`${setup.start}:00Z`) : 'First event'} → ${instant(`${setup.end}:00Z`)} UTC`;
  if (events?.firstEvent && events.lastEvent && !setup.start)
    return `the events' own ${duration(Date.parse(events.lastEvent) - Date.parse(events.firstEvent))} and the journey after them`;
  return `${from} through the journey after the last event`;
}

/**
 * What to simulate with: data sets, a window and a seed. Once there are results, it folds into
 * one line saying what they come from, so the results get the room.
 */
export function SetupForm({ folded: initiallyFolded }: { folded: boolean }) {
  const t = useT();
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
      <section className="sim-setup is-folded" aria-label="Simulation setup">
        <div className="sim-setup-line">
          <span className="sim-setup-data" title={data}>
            {data || 'No data chosen'}
          </span>
          <span className="sim-setup-window">
            {windowSummary(setup, chosenEvents)} · seed {setup.seed || '0'}
            {setup.withLive && ` · ${t('portfolio.withLive.folded')}`}
          </span>
        </div>
        <button type="button" className="button is-small" onClick={() => setFolded(false)}>
          Change
        </button>
      </section>
    );
  }

  return (
    <section className="sim-setup" aria-label="Simulation setup">
      <div className="field">
        <label className="field-label" htmlFor="sim-events">
          Events
        </label>
        <select
          id="sim-events"
          className="select"
          value={setup.eventsDatasetId}
          disabled={running}
          onChange={(e) => update({ eventsDatasetId: e.target.value })}
        >
          <option value="">None</option>
          {events.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({count(d.rows)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="sim-profiles">
          Profiles
        </label>
        <select
          id="sim-profiles"
          className="select"
          value={setup.profilesDatasetId}
          disabled={running}
          onChange={(e) => update({ profilesDatasetId: e.target.value })}
        >
          <option value="">{setup.eventsDatasetId ? 'Those in the events' : 'None'}</option>
          {profiles.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({count(d.rows)})
            </option>
          ))}
        </select>
      </div>
      <div className="sim-data-links">
        <button type="button" className="link-button" onClick={showData}>
          <DatabaseIcon size={14} /> Manage data…
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => openDialog({ type: 'generate-data', forSimulation: true })}
        >
          <PlusIcon size={14} /> Generate sample customers…
        </button>
      </div>

      <div className="field">
        <label className="field-label" htmlFor="sim-start">
          Starts <span className="field-optional">UTC</span>
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
            ? 'Earlier events are history: conditions see them, but they start nothing.'
            : chosenEvents?.firstEvent
              ? `Empty: at the first event, ${dateTime(chosenEvents.firstEvent, 'UTC')}.`
              : 'Empty: at the first event.'}
        </span>
      </div>
      <div className="field">
        <span className="field-label" id="sim-length-label">
          Runs
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
              {l.label}
            </button>
          ))}
        </div>
        {setup.length === 'days' && (
          <div className="inline-fields">
            <input
              className="input is-number"
              type="number"
              min={1}
              aria-label="Days"
              value={setup.days}
              disabled={running}
              onChange={(e) => update({ days: e.target.value })}
            />
            <span className="field-help">days from the start</span>
          </div>
        )}
        {setup.length === 'end' && (
          <input
            className="input"
            type="datetime-local"
            aria-label="Ends (UTC)"
            value={setup.end}
            disabled={running}
            onChange={(e) => update({ end: e.target.value })}
          />
        )}
        {setup.length === 'data' && chosenEvents?.lastEvent && (
          <span className="field-help">
            Past the last event ({dateTime(chosenEvents.lastEvent, 'UTC')}), long enough for
            everyone to go through the journey and for the goal’s conversion window after it.
          </span>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor="sim-seed">
          Seed
        </label>
        <div className="inline-fields">
          <input
            id="sim-seed"
            className="input is-number"
            type="number"
            min={0}
            value={setup.seed}
            disabled={running}
            onChange={(e) => update({ seed: e.target.value })}
          />
          <span className="field-help">The same seed draws the same A/B variants.</span>
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
