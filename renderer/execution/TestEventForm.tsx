import { useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Field } from '../inspector/widgets/Field';
import { CloseIcon, PlusIcon, SendIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import { triggerEventName } from './event-api';
import {
  MAX_PROPERTY_ROWS,
  readTestEvent,
  type PropertyRow,
  type TestEventDraft,
  type TestEventField,
} from './test-event';
import { say } from '../i18n/words';

const API_FIELDS: Record<string, TestEventField> = {
  userId: 'userId',
  event: 'event',
  properties: 'properties',
  traits: 'email',
};

/** Examples in the fields: ids and names as data has them, the same in every language. */
const EXAMPLE = {
  user: 'ann',
  event: 'cart_abandoned',
  name: 'sku',
  value: 'A-1',
  email: 'ann@example.com',
};

type Status = { ok: boolean; text: string };

/**
 * Sends one event to the engine as the event API would take it (`/v1/track`), optionally giving
 * the profile an email address first: a quick way to walk someone through the live journey.
 * Properties are typed as rows of a name and a value, never as JSON.
 */
export function TestEventForm() {
  const store = useAppStore();
  const t = useT();
  const suggested = useApp((s) => triggerEventName(s.journey)) ?? '';
  const [draft, setDraft] = useState<TestEventDraft>(() => ({
    userId: '',
    event: suggested,
    properties: [],
    email: '',
  }));
  const [errors, setErrors] = useState<Partial<Record<TestEventField, string>>>({});
  const [badRow, setBadRow] = useState<number | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const touched = (key: TestEventField) => {
    setErrors((e) => ({ ...e, [key]: undefined }));
    if (key === 'properties') setBadRow(undefined);
    setStatus(null);
  };
  const change = (key: 'userId' | 'event' | 'email', value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    touched(key);
  };
  const setRows = (rows: readonly PropertyRow[]) => {
    setDraft((d) => ({ ...d, properties: rows }));
    touched('properties');
  };
  const editRow = (index: number, patch: Partial<PropertyRow>) =>
    setRows(draft.properties.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const field = (key: 'userId' | 'event' | 'email') => ({
    id: `test-event-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => change(key, e.target.value),
    'aria-invalid': errors[key] ? true : undefined,
  });
  const errorsOf = (key: TestEventField) => (errors[key] ? [errors[key]] : []);

  const send = async () => {
    const checked = readTestEvent(draft);
    if (!checked.ok) {
      const texts: Partial<Record<TestEventField, string>> = {};
      for (const [key, problem] of Object.entries(checked.errors)) {
        texts[key as TestEventField] = t(problem.id, problem.values);
      }
      setErrors(texts);
      setBadRow(checked.errors.properties?.row);
      return;
    }
    setSending(true);
    setStatus(null);
    const outcome = await store.getState().sendTestEvent(checked.input);
    setSending(false);
    if (!outcome.ok) {
      const key = outcome.field?.split('.')[0];
      const at = key !== undefined ? API_FIELDS[key] : undefined;
      if (at) setErrors({ [at]: say(t, outcome.error) });
      else setStatus({ ok: false, text: say(t, outcome.error) });
      return;
    }
    const { userId, event } = checked.input;
    setStatus(
      outcome.value.accepted
        ? { ok: true, text: t('run.test.sent', { event, userId }) }
        : { ok: false, text: t('run.test.notTaken', { event, userId }) },
    );
  };

  return (
    <form
      className="form test-event"
      data-testid="test-event-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p className="sim-note">{t('run.test.intro')}</p>
      <div className="field-pair">
        <Field id="test-event-userId" label={t('run.test.user')} errors={errorsOf('userId')}>
          <input
            className="input"
            placeholder={EXAMPLE.user}
            data-testid="test-event-user"
            {...field('userId')}
          />
        </Field>
        <Field id="test-event-event" label={t('run.test.event')} errors={errorsOf('event')}>
          <input
            className="input"
            placeholder={EXAMPLE.event}
            data-testid="test-event-name"
            {...field('event')}
          />
        </Field>
      </div>
      <Field
        id="test-event-properties"
        label={t('run.test.properties')}
        optional={t('run.test.optional')}
        help={t('run.test.propertiesHelp')}
        errors={errorsOf('properties')}
        group
      >
        <div
          className="key-values"
          role="group"
          aria-labelledby="test-event-properties-label"
          data-testid="test-event-properties"
        >
          {draft.properties.map((row, i) => (
            <div className="key-value-row" key={i}>
              <input
                className="input"
                aria-label={t('run.test.propName', { row: i + 1 })}
                placeholder={EXAMPLE.name}
                value={row.name}
                aria-invalid={badRow === i ? true : undefined}
                data-testid={`test-event-prop-name-${i}`}
                onChange={(e) => editRow(i, { name: e.target.value })}
              />
              <input
                className="input"
                aria-label={t('run.test.propValue', { row: i + 1 })}
                placeholder={EXAMPLE.value}
                value={row.value}
                data-testid={`test-event-prop-value-${i}`}
                onChange={(e) => editRow(i, { value: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('run.test.propRemove', { row: i + 1 })}
                onClick={() => setRows(draft.properties.filter((_, j) => j !== i))}
              >
                <CloseIcon size={12} />
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button is-small is-quiet"
            data-testid="test-event-add-property"
            disabled={draft.properties.length >= MAX_PROPERTY_ROWS}
            onClick={() => setRows([...draft.properties, { name: '', value: '' }])}
          >
            <PlusIcon size={14} /> {t('run.test.propAdd')}
          </button>
        </div>
      </Field>
      <Field
        id="test-event-email"
        label={t('run.test.email')}
        optional={t('run.test.optional')}
        help={t('run.test.emailHelp')}
        errors={errorsOf('email')}
      >
        <input
          className="input"
          type="email"
          placeholder={EXAMPLE.email}
          data-testid="test-event-email"
          {...field('email')}
        />
      </Field>
      <div className="test-event-send">
        <button
          type="submit"
          className="button is-primary"
          data-testid="test-event-send"
          disabled={sending}
        >
          <SendIcon size={15} /> {t(sending ? 'run.test.sending' : 'run.test.send')}
        </button>
        {status && (
          <p
            className={`test-event-status ${status.ok ? 'is-ok' : 'is-error'}`}
            data-testid="test-event-status"
            role={status.ok ? 'status' : 'alert'}
          >
            {status.text}
          </p>
        )}
      </div>
    </form>
  );
}
