import { useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import {
  DURATION_UNITS,
  durationToWords,
  wordsToDuration,
  type DurationUnit,
} from '../widgets/duration-words';
import { durationWords } from './forecast-words';

export interface ExpectWithinProps {
  id: string;
  /** The window set here (ISO 8601), if any. */
  value: string | undefined;
  /** The window that applies when none is set here. */
  fallback: string;
  level: 'message' | 'journey';
  errors: readonly string[];
  onChange: (value: string | undefined) => void;
}

/**
 * The response window as an amount and a unit ("within 3 days"). Left empty, the journey's window
 * (or three days) applies, and the field says so; a window one unit cannot say is edited as written.
 */
export function ExpectWithin({ id, value, fallback, level, errors, onChange }: ExpectWithinProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const words = value === undefined ? null : durationToWords(value);
  const shown = durationToWords(value ?? fallback);
  const unit: DurationUnit = shown?.unit ?? 'days';
  const amount = shown?.amount ?? 3;
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  const describedBy = errors.length ? `${noteId} ${errorId}` : noteId;
  const note =
    value !== undefined
      ? t(level === 'message' ? 'expect.within.ownMessage' : 'expect.within.ownJourney')
      : t('expect.within.fallback', { duration: durationWords(t, fallback) });
  return (
    <div className={`expect-row${errors.length ? ' has-error' : ''}`} data-testid={id}>
      <label className="expect-label" htmlFor={id}>
        {t('expect.within.label')}
      </label>
      {value !== undefined && !words ? (
        <input
          id={id}
          className="input is-mono"
          value={value}
          spellCheck={false}
          aria-describedby={describedBy}
          onChange={(e) => {
            const text = e.target.value.trim().toUpperCase();
            onChange(text === '' ? undefined : text);
          }}
        />
      ) : (
        <span className="expect-within">
          <input
            id={id}
            className="input is-number"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={draft ?? (value === undefined ? '' : String(words?.amount ?? ''))}
            placeholder={String(amount)}
            aria-describedby={describedBy}
            aria-invalid={errors.length > 0 || undefined}
            onChange={(e) => {
              const text = e.target.value;
              const n = Number(text);
              if (text === '') {
                setDraft(null);
                onChange(undefined);
              } else if (Number.isInteger(n) && n > 0) {
                setDraft(null);
                onChange(wordsToDuration({ amount: n, unit, negative: false }));
              } else setDraft(text);
            }}
            onBlur={() => setDraft(null)}
          />
          <select
            className="select"
            value={unit}
            aria-label={t('expect.within.unit')}
            onChange={(e) =>
              onChange(
                wordsToDuration({
                  amount: words?.amount ?? amount,
                  unit: e.target.value as DurationUnit,
                  negative: false,
                }),
              )
            }
          >
            {DURATION_UNITS.map((u) => (
              <option key={u} value={u}>
                {t('expect.unitName', { unit: u, amount: words?.amount ?? amount })}
              </option>
            ))}
          </select>
        </span>
      )}
      <p className="expect-note" id={noteId}>
        {note}
      </p>
      {errors.length > 0 && (
        <p className="field-error" id={errorId} role="alert">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
