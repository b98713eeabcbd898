import { useState } from 'react';
import { useLocale, useT } from '../i18n/I18nProvider';
import { LOCALES, isLocale, type Locale } from '../i18n/locales';
import type { MessageId } from '../i18n/messages';
import { Modal } from '../panels/Modal';
import { useApp, useAppStore } from '../store/app-store';

/** Today (UTC) as a date input shows it. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface GenerateForm {
  count: string;
  days: string;
  start: string;
  seed: string;
  /** The language of the customers' names. */
  names: Locale;
}

/** Reads the form, or says what to fix first. */
export function readGenerateForm(form: GenerateForm):
  | {
      ok: true;
      input: { count: number; days: number; start: string; seed: number; names: Locale };
    }
  | { ok: false; problem: MessageId } {
  const count = Number(form.count);
  const days = Number(form.days);
  const seed = Number(form.seed || '0');
  if (!Number.isInteger(count) || count < 1 || count > 200_000)
    return { ok: false, problem: 'data.generate.badCount' };
  if (!Number.isInteger(days) || days < 1 || days > 120)
    return { ok: false, problem: 'data.generate.badDays' };
  if (!/^\d{4}-\d\d-\d\d$/.test(form.start) || Number.isNaN(Date.parse(form.start)))
    return { ok: false, problem: 'data.generate.badStart' };
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)
    return { ok: false, problem: 'data.generate.badSeed' };
  return {
    ok: true,
    input: { count, days, seed, start: `${form.start}T00:00:00.000Z`, names: form.names },
  };
}

/**
 * Realistic sample customers and their behaviour, made up from a seed: the same seed gives the
 * same people, so a simulation on them can be repeated and compared.
 */
export function GenerateDialog({ forSimulation }: { forSimulation?: boolean }) {
  const store = useAppStore();
  const generating = useApp((s) => s.data.generating);
  const { locale } = useLocale();
  const [form, setForm] = useState<GenerateForm>({
    count: '500',
    days: '14',
    start: today(),
    seed: '1',
    names: locale,
  });
  const [problem, setProblem] = useState<MessageId | null>(null);
  const t = useT();
  const { closeDialog } = store.getState();
  const field = (key: Exclude<keyof GenerateForm, 'names'>) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => {
      setForm({ ...form, [key]: e.target.value });
      setProblem(null);
    },
  });
  const submit = async () => {
    const checked = readGenerateForm(form);
    if (!checked.ok) {
      setProblem(checked.problem);
      return;
    }
    const state = store.getState();
    const { count, seed, days } = checked.input;
    const made = await state.generateSampleData({
      ...checked.input,
      // Named in the marketer's language: the names stay as they are made.
      datasetNames: {
        profiles: t('data.generate.profilesName', { count, seed }),
        events: t('data.generate.eventsName', { count, seed, days }),
      },
    });
    if (!made) return;
    if (forSimulation) {
      state.updateSimulationSetup({
        profilesDatasetId: made.profiles.id,
        eventsDatasetId: made.events.id,
        start: '',
        length: 'data',
      });
    }
    store.getState().closeDialog();
  };
  return (
    <Modal
      title={t('data.generate.title')}
      onClose={closeDialog}
      actions={
        <>
          <button type="button" className="button is-quiet" onClick={closeDialog}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button is-primary"
            disabled={generating}
            onClick={() => void submit()}
          >
            {t(generating ? 'data.generate.generating' : 'data.generate.go')}
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>{t('data.generate.intro')}</p>
        <div className="field-pair">
          <div className="field">
            <label className="field-label" htmlFor="gen-count">
              {t('data.generate.customers')}
            </label>
            <input id="gen-count" className="input" type="number" min={1} {...field('count')} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="gen-days">
              {t('data.generate.days')}
            </label>
            <input
              id="gen-days"
              className="input"
              type="number"
              min={1}
              max={120}
              {...field('days')}
            />
          </div>
        </div>
        <div className="field-pair">
          <div className="field">
            <label className="field-label" htmlFor="gen-start">
              {t('data.generate.start')}
            </label>
            <input id="gen-start" className="input" type="date" {...field('start')} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="gen-seed">
              {t('data.generate.seed')}
            </label>
            <input
              id="gen-seed"
              className="input"
              type="number"
              min={0}
              aria-describedby="gen-seed-help"
              {...field('seed')}
            />
            <span className="field-help" id="gen-seed-help">
              {t('data.generate.seedHelp')}
            </span>
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="gen-names">
            {t('data.generate.names')}
          </label>
          <select
            id="gen-names"
            className="select"
            value={form.names}
            aria-describedby="gen-names-help"
            onChange={(e) => {
              if (isLocale(e.target.value)) setForm({ ...form, names: e.target.value });
            }}
          >
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {t('data.generate.namesOption', { names: code })}
              </option>
            ))}
          </select>
          <span className="field-help" id="gen-names-help">
            {t('data.generate.namesHelp')}
          </span>
        </div>
        {problem && (
          <p className="form-error" role="alert">
            {t(problem)}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
