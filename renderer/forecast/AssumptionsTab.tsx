import type { SimulationRun } from '../../core/api/simulation-contract';
import { isRateAssumption } from '../../core/forecast/assumptions';
import { DEFAULT_SENSITIVITY_RUNS } from '../../core/forecast/sensitivity';
import { ProgressBar } from '../data/ProgressBar';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { useApp, useAppStore } from '../store/app-store';
import { AssumptionList } from './AssumptionList';
import { decimal, timeLeft } from './forecast-words';
import { TornadoChart } from './TornadoChart';
import { say } from '../i18n/words';

/** Works out, on request, which assumption moves conversions most, and draws the tornado. */
function SensitivitySection({ run }: { run: SimulationRun }) {
  const t = useT();
  const f = useFormats();
  const store = useAppStore();
  const state = useApp((s) => s.sensitivity);
  const simulating = useApp((s) => s.simulation.running);
  const { analyseSensitivity, cancelSensitivity } = store.getState();
  const mine = state.runId === run.id;
  const rates = (run.report.assumptions ?? []).filter(isRateAssumption).filter((a) => a.rate > 0);
  const forecasts = 1 + 2 * rates.length;
  if (rates.length === 0) return null;
  const busy = state.running && mine;
  return (
    <section className="sim-section" aria-labelledby="tornado-title" data-testid="sensitivity">
      <h3 className="section-title" id="tornado-title">
        {t('forecast.tornado.title')}
      </h3>
      <p className="sim-note">
        {t('forecast.tornado.help', {
          runs: DEFAULT_SENSITIVITY_RUNS,
          forecasts,
          change: f.percent(0.5, 0),
        })}
      </p>
      {!run.journey.settings.goal && <p className="sim-note">{t('forecast.tornado.noGoal')}</p>}
      {busy ? (
        <div className="sim-progress">
          <ProgressBar
            label={t('forecast.tornado.progress', { forecasts })}
            done={state.progress?.done ?? 0}
            total={state.progress?.total ?? 0}
          />
          <div className="sim-progress-foot">
            <span className="field-help" aria-live="polite">
              {state.progress?.etaMs !== undefined &&
                state.progress.done < state.progress.total &&
                t('forecast.progress.left', { time: timeLeft(t, state.progress.etaMs) })}
            </span>
            <button
              type="button"
              className="button is-small"
              onClick={() => void cancelSensitivity()}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          disabled={state.running || simulating}
          onClick={() => void analyseSensitivity(run.id)}
        >
          {mine && state.result ? t('forecast.tornado.again') : t('forecast.tornado.run')}
        </button>
      )}
      {mine && state.error && (
        <p className="form-error" role="alert">
          {say(t, state.error)}
        </p>
      )}
      {mine && state.stopped && (
        <p className="sim-note" role="status">
          {t('forecast.tornado.stopped')}
        </p>
      )}
      {mine && state.result && !busy && (
        <>
          <p className="sim-note" data-testid="tornado-base">
            {t('forecast.tornado.base', {
              base: decimal(f, state.result.base),
              runs: state.result.runs,
            })}
          </p>
          <TornadoChart result={state.result} journey={run.journey} />
        </>
      )}
    </section>
  );
}

/** A forecast's assumptions: what moves the result most, and every one with its source. */
export function AssumptionsTab({ run }: { run: SimulationRun }) {
  return (
    <div className="sim-results">
      <SensitivitySection run={run} />
      <AssumptionList run={run} />
    </div>
  );
}
