import { useEffect, useId, useState } from 'react';
import type { Channel } from '../../core/channels/registry';
import { POLICY_CHANNELS } from '../../core/policy/sending-policy';
import { useT } from '../i18n/I18nProvider';
import { FormDialog } from '../panels/FormDialog';
import { useApp, useAppStore } from '../store/app-store';
import {
  formOf,
  mostOf,
  policyOf,
  WINDOW_UNITS,
  type LimitRow,
  type PolicyForm,
  type RowProblem,
  type WindowUnit,
} from './policy-form';
import { usePolicyWords } from './policy-words';
import { say, type Words } from '../i18n/words';

/**
 * Library ▸ Sending policy (DESIGN §8): per channel, at most how many messages one person gets
 * in any window, across all journeys; the sentence below says the policy as it stands, and
 * saving makes it hold for every live journey and every simulation.
 */
export function SendingPolicyDialog() {
  const t = useT();
  const words = usePolicyWords();
  const store = useAppStore();
  const close = useApp((s) => s.closeDialog);
  const saved = useApp((s) => s.sendingPolicy);
  const [form, setForm] = useState<PolicyForm | null>(saved ? formOf(saved) : null);
  const [problem, setProblem] = useState<Words | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  useEffect(() => {
    void store
      .getState()
      .loadSendingPolicy()
      .then((loaded) => {
        if (loaded.ok) setForm((current) => current ?? formOf(loaded.value));
        else setProblem(loaded.error);
      });
  }, [store]);
  if (!form) return null;
  const read = policyOf(form);
  const problems: Partial<Record<Channel, RowProblem>> = read.ok ? {} : read.problems;
  const change = (channel: Channel, patch: Partial<LimitRow>) => {
    const row = form[channel];
    if (row) setForm({ ...form, [channel]: { ...row, ...patch } });
  };
  const save = async () => {
    if (!read.ok) return;
    setBusy(true);
    const result = await store.getState().saveSendingPolicy(read.policy);
    setBusy(false);
    if (result.ok) close();
    else setProblem(result.error);
  };
  return (
    <FormDialog
      testId="policy"
      title={t('policy.title')}
      onClose={close}
      size="wide"
      action={{
        label: t('policy.save'),
        onPress: () => void save(),
        disabled: busy || !read.ok,
      }}
    >
      <form
        className="form policy-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="field-help">{t('policy.intro')}</p>
        {POLICY_CHANNELS.map((channel) => {
          const row = form[channel];
          if (!row) return null;
          const name = words.channel(channel);
          const at = `${id}-${channel}`;
          const wrong = problems[channel];
          return (
            <fieldset key={channel} className="policy-row" data-testid={`policy-${channel}`}>
              <legend className="field-label">{name}</legend>
              <label className="policy-switch">
                <input
                  type="checkbox"
                  checked={row.on}
                  onChange={(e) => change(channel, { on: e.target.checked })}
                />
                {t('policy.limit.on', { channel: name })}
              </label>
              {row.on && (
                <div className="policy-limit">
                  <label htmlFor={`${at}-max`}>{t('policy.field.max')}</label>
                  <input
                    id={`${at}-max`}
                    className="input is-number"
                    type="number"
                    min={1}
                    max={100}
                    value={row.max}
                    aria-invalid={wrong === 'max'}
                    aria-describedby={wrong === 'max' ? `${at}-problem` : undefined}
                    onChange={(e) => change(channel, { max: e.target.value })}
                  />
                  <label htmlFor={`${at}-amount`}>{t('policy.field.per')}</label>
                  <input
                    id={`${at}-amount`}
                    className="input is-number"
                    type="number"
                    min={1}
                    max={mostOf(row.unit)}
                    value={row.amount}
                    aria-invalid={wrong === 'amount'}
                    aria-describedby={wrong === 'amount' ? `${at}-problem` : undefined}
                    onChange={(e) => change(channel, { amount: e.target.value })}
                  />
                  <select
                    className="select"
                    aria-label={t('policy.field.unit', { channel: name })}
                    value={row.unit}
                    onChange={(e) => change(channel, { unit: e.target.value as WindowUnit })}
                  >
                    {WINDOW_UNITS.map((unit) => (
                      <option key={unit} value={unit}>
                        {words.unit(unit)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {wrong && (
                <p className="field-error" id={`${at}-problem`}>
                  {wrong === 'max'
                    ? t('policy.problem.max')
                    : t('policy.problem.per', {
                        most: mostOf(row.unit),
                        unit: words.unit(row.unit),
                      })}
                </p>
              )}
            </fieldset>
          );
        })}
        <p className="policy-sentence" aria-live="polite" data-testid="policy-sentence">
          {read.ok ? words.sentence(read.policy) : t('policy.sentence.incomplete')}
        </p>
        <p className="field-help">{t('policy.help')}</p>
        {problem && (
          <p className="field-error" role="alert">
            {say(t, problem)}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </FormDialog>
  );
}
