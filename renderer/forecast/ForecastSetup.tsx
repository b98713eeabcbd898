import { useState } from 'react';
import { MAX_APP_RUNS } from '../../core/forecast/forecast-runs';
import { useT } from '../i18n/I18nProvider';
import { useFormats } from '../i18n/format';
import { say } from '../i18n/words';
import { Toggle } from '../inspector/widgets/Toggle';
import type { SimulationMode } from '../simulation/setup';
import { useApp, useAppStore } from '../store/app-store';

const MODES: readonly SimulationMode[] = ['replay', 'forecast'];

/**
 * Replay what happened, or forecast what the journey will achieve: two radio cards, each saying
 * what it does; a forecast also takes its runs and whether to fill in the library's rates. Once
 * there are results, the cards keep only their titles and the forecast's fields fold into one
 * line, so the results get the room.
 */
export function ForecastSetup({ folded: initiallyFolded }: { folded: boolean }) {
  const [folded, setFolded] = useState(initiallyFolded);
  const t = useT();
  const f = useFormats();
  const store = useAppStore();
  const setup = useApp((s) => s.simulation.setup);
  const running = useApp((s) => s.simulation.running);
  const problem = useApp((s) => s.simulation.problem);
  const update = store.getState().updateSimulationSetup;
  return (
    <section className="forecast-setup" aria-label={t('forecast.setup.title')}>
      <fieldset className="mode-choice" disabled={running}>
        <legend className="field-label">{t('forecast.setup.title')}</legend>
        {MODES.map((mode) => (
          <label
            key={mode}
            className={`mode-card${setup.mode === mode ? ' is-on' : ''}`}
            data-testid={`mode-${mode}`}
          >
            <input
              type="radio"
              name="simulation-mode"
              value={mode}
              checked={setup.mode === mode}
              aria-labelledby={`mode-${mode}-title`}
              aria-describedby={`mode-${mode}-help`}
              onChange={() => update({ mode })}
            />
            <span className="mode-card-text">
              <span className="mode-card-title" id={`mode-${mode}-title`}>
                {t(`forecast.setup.${mode}.title`)}
              </span>
              <span
                className={`mode-card-help${folded ? ' is-hidden' : ''}`}
                id={`mode-${mode}-help`}
              >
                {t(`forecast.setup.${mode}.help`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {setup.mode === 'forecast' && folded && (
        <div className="forecast-fields is-folded">
          <span className="forecast-fields-line">
            {t(setup.defaults ? 'forecast.setup.summaryDefaults' : 'forecast.setup.summary', {
              runs: Number(setup.runs) || 0,
            })}
          </span>
          <button type="button" className="button is-small" onClick={() => setFolded(false)}>
            {t('forecast.setup.change')}
          </button>
        </div>
      )}
      {setup.mode === 'forecast' && !folded && (
        <div className="forecast-fields">
          <div className="field">
            <label className="field-label" htmlFor="forecast-runs">
              {t('forecast.setup.runs')}
            </label>
            <div className="inline-fields">
              <input
                id="forecast-runs"
                className="input is-number"
                type="number"
                min={1}
                max={MAX_APP_RUNS}
                step={1}
                value={setup.runs}
                disabled={running}
                aria-describedby="forecast-runs-help"
                aria-invalid={problem !== null}
                onChange={(e) => update({ runs: e.target.value })}
              />
              <span className="field-help" id="forecast-runs-help">
                {t('forecast.setup.runsHelp', { max: f.number(MAX_APP_RUNS) })}
              </span>
            </div>
          </div>
          <div className="field">
            <Toggle
              id="forecast-defaults"
              label={t('forecast.setup.defaults')}
              checked={setup.defaults}
              onChange={(defaults) => update({ defaults })}
            />
            <span className="field-help">{t('forecast.setup.defaultsHelp')}</span>
          </div>
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert" data-testid="forecast-setup-problem">
          {say(t, problem)}
        </p>
      )}
    </section>
  );
}
