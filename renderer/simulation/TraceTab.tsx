import { useEffect, useRef, useState } from 'react';
import type { SimulationRun } from '../../core/api/simulation-contract';
import { ChevronLeftIcon, ChevronRightIcon } from '../nodes/icons';
import { stepName } from '../nodes/step-name';
import { useApp, useAppStore } from '../store/app-store';
import { SaveTraceCase } from './SaveTraceCase';
import { useWords } from './sim-words';
import { traceLine } from './trace-view';
import { MISSING_WORDS } from './trace-words';
import { TraceMessages } from './TraceMessages';
import { say } from '../i18n/words';

/** Attributes worth a glance before reading someone's path: who, where, and may we write. */
const KEY_ATTRIBUTES = ['first_name', 'email', 'phone', 'timezone', 'country', 'unsubscribed'];

/** Follow a profile by its id. Keyed by the followed profile, so a picked one shows here. */
function TraceSearch({ initial }: { initial: string }) {
  const store = useAppStore();
  const loading = useApp((s) => s.trace.loading);
  const { t } = useWords();
  const [query, setQuery] = useState(initial);
  return (
    <form
      className="trace-search"
      onSubmit={(e) => {
        e.preventDefault();
        void store.getState().traceProfile(query);
      }}
    >
      <label className="field-label" htmlFor="trace-id">
        {t('sim.trace.profileId')}
      </label>
      <div className="inline-fields is-nowrap">
        <input
          id="trace-id"
          className="input"
          value={query}
          placeholder={t('sim.trace.profileIdExample')}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="button" disabled={!query.trim() || loading}>
          {t('sim.trace.follow')}
        </button>
      </div>
    </form>
  );
}

/** Profiles to follow: those who reached a step (the report keeps the first of each). */
function SamplePicker({ run }: { run: SimulationRun }) {
  const store = useAppStore();
  const focusNodeId = useApp((s) => s.simulation.focusNodeId);
  const { t, f } = useWords();
  const withSamples = run.journey.nodes.filter((n) => (run.report.samples[n.id] ?? []).length > 0);
  // The last step anyone reached has the longest paths to follow.
  const fallback = withSamples.at(-1)?.id ?? '';
  const [stepId, setStepId] = useState(
    focusNodeId && run.report.samples[focusNodeId]?.length ? focusNodeId : fallback,
  );
  if (withSamples.length === 0) return null;
  const samples = run.report.samples[stepId] ?? [];
  return (
    <div className="trace-pick">
      <label className="field-label" htmlFor="trace-step">
        {t('sim.trace.orFollow')}
      </label>
      <select
        id="trace-step"
        className="select"
        value={stepId}
        onChange={(e) => setStepId(e.target.value)}
      >
        {withSamples.map((n) => (
          <option key={n.id} value={n.id}>
            {t('sim.trace.stepCount', {
              step: stepName(n),
              n: f.number(run.report.nodes[n.id]?.entered ?? 0),
            })}
          </option>
        ))}
      </select>
      <div className="chips" data-testid="trace-samples">
        {samples.slice(0, 12).map((id) => (
          <button
            key={id}
            type="button"
            className="chip"
            onClick={() => void store.getState().traceProfile(id)}
          >
            {id}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * One profile's path through the run: every step with its time and reason, stepped through with
 * the buttons or the arrow keys while the canvas lights up where the profile is, and the messages
 * it would get, emails rendered as sent.
 */
export function TraceTab({ run }: { run: SimulationRun }) {
  const store = useAppStore();
  const trace = useApp((s) => s.trace);
  const words = useWords();
  const { t } = words;
  const list = useRef<HTMLOListElement>(null);
  const { stepTrace, setTraceStep } = store.getState();
  const zone = run.journey.settings.timezone ?? 'UTC';
  const rows = trace.rows;

  // A new trace takes the keyboard, so the arrow keys step through it at once.
  useEffect(() => {
    if (trace.result && rows.length) list.current?.focus({ preventScroll: true });
  }, [trace.result, rows.length]);

  useEffect(() => {
    list.current
      ?.querySelector(`[data-index="${trace.index}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [trace.index]);

  const attributes = trace.result?.attributes ?? {};
  const shown = KEY_ATTRIBUTES.filter((k) => attributes[k] !== undefined && attributes[k] !== '');

  return (
    <div className="sim-trace">
      <TraceSearch key={trace.profileId ?? ''} initial={trace.profileId ?? ''} />
      {!trace.result && <SamplePicker run={run} />}
      {trace.loading && (
        <p className="sim-note">{t('sim.trace.following', { id: trace.profileId ?? '' })}</p>
      )}
      {(trace.error ?? trace.missing) && (
        <p className="form-error" role="alert" data-testid="trace-error">
          {trace.error !== null
            ? t('trace.error.failed', { detail: say(t, trace.error) })
            : t(MISSING_WORDS[trace.missing ?? 'path'], { id: trace.profileId ?? '' })}
        </p>
      )}
      {trace.result && rows.length > 0 && (
        <>
          <div className="trace-who">
            <strong>{t('sim.trace.profile', { id: trace.result.profileId })}</strong>
            {shown.length > 0 && (
              <span className="trace-attributes">
                {shown.map((k) => `${k.replace(/_/g, ' ')}: ${String(attributes[k])}`).join(' · ')}
              </span>
            )}
          </div>
          <div className="trace-stepper">
            <button
              type="button"
              className="button is-small"
              onClick={() => stepTrace(-1)}
              disabled={trace.index === 0}
              aria-label={t('sim.bar.previous')}
            >
              <ChevronLeftIcon size={14} /> {t('sim.trace.previous')}
            </button>
            <span className="trace-position" data-testid="trace-position" aria-live="polite">
              {t('sim.trace.position', { step: trace.index + 1, steps: rows.length })}
            </span>
            <button
              type="button"
              className="button is-small"
              onClick={() => stepTrace(1)}
              disabled={trace.index >= rows.length - 1}
              aria-label={t('sim.bar.next')}
            >
              {t('sim.trace.next')} <ChevronRightIcon size={14} />
            </button>
          </div>
          <p className="trace-hint">
            <kbd>↑</kbd> <kbd>↓</kbd> {t('sim.trace.keys', { zone })}
          </p>
          <ol
            ref={list}
            className="trace-steps"
            role="listbox"
            tabIndex={0}
            aria-label={t('sim.trace.steps')}
            aria-activedescendant={`trace-step-${trace.index}`}
            data-testid="trace-steps"
            onKeyDown={(e) => {
              const moves: Record<string, number> = {
                ArrowDown: 1,
                ArrowRight: 1,
                ArrowUp: -1,
                ArrowLeft: -1,
                PageDown: 5,
                PageUp: -5,
              };
              if (e.key in moves) stepTrace(moves[e.key] ?? 0);
              else if (e.key === 'Home') setTraceStep(0);
              else if (e.key === 'End') setTraceStep(rows.length - 1);
              else return;
              e.preventDefault();
              e.stopPropagation();
            }}
          >
            {rows.map((row) => {
              const line = traceLine(words, row, run.journey, zone);
              return (
                <li
                  key={row.index}
                  id={`trace-step-${row.index}`}
                  data-index={row.index}
                  role="option"
                  aria-selected={row.index === trace.index}
                  className={`trace-step is-${row.tone}${row.index === trace.index ? ' is-current' : ''}${row.index < trace.index ? ' is-past' : ''}`}
                  onClick={() => setTraceStep(row.index)}
                >
                  {line.day && <span className="trace-day">{line.day}</span>}
                  <span className="trace-time">{line.time ?? ''}</span>
                  <span className="trace-dot" aria-hidden="true" />
                  <span className="trace-text">
                    <span className="trace-title">{line.title}</span>
                    {line.detail && <span className="trace-detail">{line.detail}</span>}
                  </span>
                </li>
              );
            })}
          </ol>
          <SaveTraceCase key={trace.result.profileId} profileId={trace.result.profileId} />
          <TraceMessages run={run} />
        </>
      )}
    </div>
  );
}
