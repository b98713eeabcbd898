import { useState } from 'react';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/I18nProvider';
import { PercentInput } from '../widgets/PercentInput';
import type { PlannerValues } from './planner-inputs';

/** What is wrong with a planner figure, as a catalogue message; undefined when it is fine. */
export function problemOf(
  field: keyof PlannerValues,
  value: number | undefined,
): MessageId | undefined {
  if (value === undefined || !Number.isFinite(value)) return 'planner.problem.missing';
  switch (field) {
    case 'entriesPerDay':
      return value >= 0 && value <= 10_000_000 ? undefined : 'planner.problem.perDay';
    case 'baselineRate':
      return value > 0 && value < 1 ? undefined : 'planner.problem.baseline';
    case 'minimumDetectableEffect':
      return value > 0 && value <= 10 ? undefined : 'planner.problem.mde';
    case 'alpha':
      return value > 0 && value <= 0.5 ? undefined : 'planner.problem.alpha';
    case 'power':
      return value >= 0.5 && value < 1 ? undefined : 'planner.problem.power';
    case 'horizonDays':
      return Number.isInteger(value) && value >= 1 && value <= 3660
        ? undefined
        : 'planner.problem.horizon';
  }
}

export interface PlannerFieldProps {
  id: string;
  label: string;
  help?: string;
  problem: MessageId | undefined;
  /** A share typed as a percentage; otherwise a plain number. */
  percent: boolean;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

/** One figure of the planner: its label, its field, its help and what is wrong with it. */
export function PlannerField({
  id,
  label,
  help,
  problem,
  percent,
  value,
  onChange,
}: PlannerFieldProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const [notNumber, setNotNumber] = useState(false);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const shownProblem = notNumber ? 'planner.problem.missing' : problem;
  const describedBy = [help ? helpId : '', shownProblem ? errorId : ''].join(' ').trim();
  return (
    <div className={`planner-field${shownProblem ? ' has-error' : ''}`}>
      <label className="planner-label" htmlFor={id}>
        {label}
      </label>
      {percent ? (
        <PercentInput
          id={id}
          value={value}
          describedBy={describedBy || undefined}
          invalid={shownProblem !== undefined}
          onValidity={(valid) => setNotNumber(!valid)}
          onChange={onChange}
        />
      ) : (
        <input
          id={id}
          className="input is-number"
          type="number"
          inputMode="decimal"
          min={0}
          value={draft ?? (value === undefined ? '' : String(value))}
          aria-describedby={describedBy || undefined}
          aria-invalid={shownProblem !== undefined || undefined}
          onChange={(e) => {
            const text = e.target.value;
            setDraft(text);
            onChange(text === '' ? undefined : Number(text));
          }}
          onBlur={() => setDraft(null)}
        />
      )}
      {help && (
        <p className="planner-help" id={helpId}>
          {help}
        </p>
      )}
      {shownProblem && (
        <p className="field-error" id={errorId} role="alert">
          {t(shownProblem)}
        </p>
      )}
    </div>
  );
}
