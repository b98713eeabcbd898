import { useState } from 'react';
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
}

/** Reads the form, or says what to fix first. */
export function readGenerateForm(
  form: GenerateForm,
):
  | { ok: true; input: { count: number; days: number; start: string; seed: number } }
  | { ok: false; problem: string } {
  const count = Number(form.count);
  const days = Number(form.days);
  const seed = Number(form.seed || '0');
  if (!Number.isInteger(count) || count < 1 || count > 200_000)
    return { ok: false, problem: 'Customers: a whole number from 1 to 200,000.' };
  if (!Number.isInteger(days) || days < 1 || days > 120)
    return { ok: false, problem: 'Days of behaviour: a whole number from 1 to 120.' };
  if (!/^\d{4}-\d\d-\d\d$/.test(form.start) || Number.isNaN(Date.parse(form.start)))
    return { ok: false, problem: 'Choose the day the behaviour starts.' };
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1)
    return { ok: false, problem: 'The seed is a whole number, 0 or more.' };
  return { ok: true, input: { count, days, seed, start: `${form.start}T00:00:00.000Z` } };
}

/**
 * Realistic sample customers and their behaviour, made up from a seed: the same seed gives the
 * same people, so a simulation on them can be repeated and compared.
 */
export function GenerateDialog({ forSimulation }: { forSimulation?: boolean }) {
  const store = useAppStore();
  const generating = useApp((s) => s.data.generating);
  const [form, setForm] = useState<GenerateForm>({
    count: '500',
    days: '14',
    start: today(),
    seed: '1',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const { closeDialog } = store.getState();
  const field = (key: keyof GenerateForm) => ({
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
    const made = await state.generateSampleData(checked.input);
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
      title="Generate sample customers"
      onClose={closeDialog}
      actions={
        <>
          <button type="button" className="button is-quiet" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="button"
            className="button is-primary"
            disabled={generating}
            onClick={() => void submit()}
          >
            {generating ? 'Generating…' : 'Generate'}
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
        <p>
          Made-up customers with names, addresses, time zones and consent, and what they do: views,
          carts, purchases. The same seed always gives the same customers.
        </p>
        <div className="field-pair">
          <div className="field">
            <label className="field-label" htmlFor="gen-count">
              Customers
            </label>
            <input id="gen-count" className="input" type="number" min={1} {...field('count')} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="gen-days">
              Days of behaviour
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
              Starting on
            </label>
            <input id="gen-start" className="input" type="date" {...field('start')} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="gen-seed">
              Seed
            </label>
            <input id="gen-seed" className="input" type="number" min={0} {...field('seed')} />
          </div>
        </div>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
