import { useState } from 'react';
import { Field } from '../inspector/widgets/Field';
import { SendIcon } from '../nodes/icons';
import { useApp, useAppStore } from '../store/app-store';
import { triggerEventName } from './event-api';
import { readTestEvent, type TestEventDraft, type TestEventField } from './test-event';

const API_FIELDS: Record<string, TestEventField> = {
  userId: 'userId',
  event: 'event',
  properties: 'properties',
  traits: 'email',
};

type Status = { ok: boolean; text: string };

/**
 * Sends one event to the engine as the event API would take it (`/v1/track`), optionally giving
 * the profile an email address first: a quick way to walk someone through the live journey.
 */
export function TestEventForm() {
  const store = useAppStore();
  const suggested = useApp((s) => triggerEventName(s.journey)) ?? '';
  const [draft, setDraft] = useState<TestEventDraft>(() => ({
    userId: '',
    event: suggested,
    properties: '',
    email: '',
  }));
  const [errors, setErrors] = useState<Partial<Record<TestEventField, string>>>({});
  const [sending, setSending] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const change = (key: TestEventField, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setStatus(null);
  };
  const field = (key: TestEventField) => ({
    id: `test-event-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => change(key, e.target.value),
    'aria-invalid': errors[key] ? true : undefined,
  });
  const errorsOf = (key: TestEventField) => (errors[key] ? [errors[key]] : []);

  const send = async () => {
    const checked = readTestEvent(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setSending(true);
    setStatus(null);
    const outcome = await store.getState().sendTestEvent(checked.input);
    setSending(false);
    if (!outcome.ok) {
      const key = outcome.field?.split('.')[0];
      const at = key !== undefined ? API_FIELDS[key] : undefined;
      if (at) setErrors({ [at]: outcome.error });
      else setStatus({ ok: false, text: outcome.error });
      return;
    }
    const { userId, event } = checked.input;
    setStatus(
      outcome.value.accepted
        ? { ok: true, text: `Sent “${event}” for ${userId}. The counts follow in a moment.` }
        : { ok: false, text: `The engine did not take “${event}” for ${userId}.` },
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
      <p className="sim-note">
        An event as your website or app would send it. When it is the event the trigger waits for,
        the profile enters the running journey, and real messages follow.
      </p>
      <div className="field-pair">
        <Field id="test-event-userId" label="Profile id" errors={errorsOf('userId')}>
          <input
            className="input"
            placeholder="ann"
            data-testid="test-event-user"
            {...field('userId')}
          />
        </Field>
        <Field id="test-event-event" label="Event" errors={errorsOf('event')}>
          <input
            className="input"
            placeholder="cart_abandoned"
            data-testid="test-event-name"
            {...field('event')}
          />
        </Field>
      </div>
      <Field
        id="test-event-properties"
        label="Properties"
        optional
        help={'A JSON object, like { "sku": "A-1", "total": 42 }'}
        errors={errorsOf('properties')}
      >
        <textarea
          className="textarea is-mono"
          rows={3}
          spellCheck={false}
          placeholder="{ }"
          data-testid="test-event-properties"
          {...field('properties')}
        />
      </Field>
      <Field
        id="test-event-email"
        label="Email address"
        optional
        help="Given to the profile first, so email steps have somewhere to send."
        errors={errorsOf('email')}
      >
        <input
          className="input"
          type="email"
          placeholder="ann@example.com"
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
          <SendIcon size={15} /> {sending ? 'Sending…' : 'Send event'}
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
