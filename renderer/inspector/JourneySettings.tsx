import { useMemo } from 'react';
import type { Filter } from '../../core/conditions/condition';
import type { JourneySettings as Settings, Reentry } from '../../core/model/journey';
import { useApp } from '../store/app-store';
import { DurationInput } from './widgets/DurationInput';
import { Field } from './widgets/Field';
import { FiltersEditor } from './widgets/FiltersEditor';
import { NameInput } from './widgets/NameInput';
import { TimeInput } from './widgets/TimeInput';
import { TimezoneInput } from './widgets/TimezoneInput';

const REENTRY: readonly { value: Reentry; title: string; help: string }[] = [
  {
    value: 'after_exit',
    title: 'Again after leaving',
    help: 'A profile can enter again once it has left.',
  },
  { value: 'never', title: 'Only once', help: 'A profile goes through this journey at most once.' },
  {
    value: 'always',
    title: 'Every time',
    help: 'Each trigger starts a new run, even while one is going.',
  },
];

/** Name, description and settings of the journey: shown when no step is selected. */
export function JourneySettings() {
  const journey = useApp((s) => s.journey);
  const issues = useApp((s) => s.validation.issues);
  const updateSettings = useApp((s) => s.updateSettings);
  const updateDetails = useApp((s) => s.updateDetails);
  const errors = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const issue of issues) {
      if (issue.path?.[0] !== 'settings') continue;
      const key = String(issue.path[1] ?? '');
      map.set(key, [...(map.get(key) ?? []), issue.message]);
    }
    return map;
  }, [issues]);
  if (!journey) return null;
  const settings = journey.settings;
  const set = (patch: Partial<Settings>) => {
    const next: Record<string, unknown> = { ...settings, ...patch };
    for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
    updateSettings(next);
  };
  const reentry = settings.reentry ?? 'after_exit';
  const goal = settings.goal;
  const quiet = settings.quietHours;
  const cap = settings.frequencyCap;

  return (
    <div className="inspector-body" data-testid="journey-settings">
      <header className="inspector-head is-journey">
        <div className="inspector-head-text">
          <span className="inspector-kind">Journey</span>
          <h2 className="inspector-title">Settings</h2>
        </div>
      </header>
      <div className="form">
        <Field id="journey-name" label="Name">
          <input
            id="journey-name"
            className="input"
            value={journey.name}
            onChange={(e) => updateDetails({ name: e.target.value })}
          />
        </Field>
        <Field id="journey-description" label="Description" optional>
          <textarea
            id="journey-description"
            className="textarea"
            rows={2}
            value={journey.description ?? ''}
            onChange={(e) => updateDetails({ description: e.target.value })}
          />
        </Field>

        <h3 className="section-title">Entry</h3>
        <Field
          id="reentry"
          label="Can a profile enter again?"
          group
          errors={errors.get('reentry')}
          help={REENTRY.find((r) => r.value === reentry)?.help}
        >
          <div className="choice-list" role="radiogroup" aria-labelledby="reentry-label">
            {REENTRY.map((option) => (
              <button
                key={option.value}
                type="button"
                role="radio"
                aria-checked={reentry === option.value}
                className={`choice${reentry === option.value ? ' is-on' : ''}`}
                onClick={() => set({ reentry: option.value })}
              >
                <span className="choice-dot" aria-hidden="true" />
                {option.title}
              </button>
            ))}
          </div>
        </Field>

        <h3 className="section-title">Goal</h3>
        <Toggle
          id="goal-on"
          label="Count a conversion when a profile performs an event"
          checked={goal !== undefined}
          onChange={(on) => set({ goal: on ? { event: 'purchase', exit: true } : undefined })}
        />
        {goal && (
          <div className="sub-form">
            <Field id="goal-event" label="Goal event" errors={errors.get('goal')}>
              <NameInput
                id="goal-event"
                kind="event"
                value={goal.event}
                onChange={(event) => set({ goal: { ...goal, event } })}
              />
            </Field>
            <Field id="goal-where" label="Only when" optional group>
              <FiltersEditor
                value={goal.where}
                onChange={(where: Filter[] | undefined) => {
                  const { where: _w, ...rest } = goal;
                  set({ goal: where ? { ...rest, where } : rest });
                }}
              />
            </Field>
            <Toggle
              id="goal-exit"
              label="Leave the journey on conversion"
              checked={goal.exit !== false}
              onChange={(exit) => set({ goal: { ...goal, exit } })}
            />
          </div>
        )}

        <h3 className="section-title">Sending</h3>
        <Toggle
          id="quiet-on"
          label="Quiet hours: hold messages overnight"
          checked={quiet !== undefined}
          onChange={(on) => set({ quietHours: on ? { start: '21:00', end: '08:00' } : undefined })}
        />
        {quiet && (
          <div className="sub-form">
            <div className="field-pair">
              <Field id="quiet-start" label="From" errors={errors.get('quietHours')}>
                <TimeInput
                  id="quiet-start"
                  value={quiet.start}
                  onChange={(start) => set({ quietHours: { ...quiet, start: start ?? '' } })}
                />
              </Field>
              <Field id="quiet-end" label="Until">
                <TimeInput
                  id="quiet-end"
                  value={quiet.end}
                  onChange={(end) => set({ quietHours: { ...quiet, end: end ?? '' } })}
                />
              </Field>
            </div>
            <p className="field-help">Messages due in this window are sent when it ends.</p>
          </div>
        )}
        <Toggle
          id="cap-on"
          label="Frequency cap: limit messages per profile"
          checked={cap !== undefined}
          onChange={(on) => set({ frequencyCap: on ? { max: 2, per: 'P1D' } : undefined })}
        />
        {cap && (
          <div className="sub-form">
            <Field id="cap-max" label="At most" errors={errors.get('frequencyCap')} group>
              <div className="inline-fields">
                <input
                  id="cap-max"
                  className="input is-number"
                  type="number"
                  min={1}
                  step={1}
                  value={cap.max}
                  aria-label="Most messages"
                  onChange={(e) => set({ frequencyCap: { ...cap, max: Number(e.target.value) } })}
                />
                <span className="rule-text">messages every</span>
                <DurationInput
                  id="cap-per"
                  label="Cap window"
                  value={cap.per}
                  onChange={(per) => set({ frequencyCap: { ...cap, per } })}
                />
              </div>
            </Field>
            <p className="field-help">
              Messages over the cap are skipped, and the skip is recorded.
            </p>
          </div>
        )}
        <Field
          id="timezone"
          label="Time zone"
          optional
          errors={errors.get('timezone')}
          help="For profiles without their own time zone: waits until a time of day, quiet hours."
        >
          <TimezoneInput
            id="timezone"
            value={settings.timezone}
            onChange={(timezone) => set({ timezone })}
          />
        </Field>
      </div>
    </div>
  );
}

function Toggle({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="toggle" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="toggle-track" aria-hidden="true" />
      <span>{label}</span>
    </label>
  );
}
