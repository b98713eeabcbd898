import { useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages';
import {
  DURATION_UNITS,
  durationToWords,
  wordsToDuration,
  type DurationUnit,
} from './duration-words';

/** Which way a shift goes, in words: "1 day before". */
const DIRECTIONS = {
  before: 'inspector.duration.before',
  after: 'inspector.duration.after',
} as const satisfies Record<string, MessageId>;
type Direction = keyof typeof DIRECTIONS;

export interface DurationInputProps {
  id: string;
  value: string | undefined;
  onChange: (value: string) => void;
  allowNegative?: boolean;
  label?: string;
}

/**
 * A duration in words: an amount and a unit (and "before/after" where a shift may go back).
 * The file gets ISO 8601. Durations one unit cannot say are shown and edited as written.
 */
export function DurationInput({ id, value, onChange, allowNegative, label }: DurationInputProps) {
  const t = useT();
  const words = value === undefined || value === '' ? null : durationToWords(value);
  const [draft, setDraft] = useState<string | null>(null);
  if (value && !words) {
    return (
      <div className="duration-input">
        <input
          id={id}
          className="input is-mono"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value.trim().toUpperCase())}
          placeholder={t('inspector.duration.asWritten')}
          aria-label={label}
          spellCheck={false}
        />
      </div>
    );
  }
  const amount = words?.amount ?? 1;
  const unit: DurationUnit = words?.unit ?? 'days';
  const negative = words?.negative ?? false;
  const direction: Direction = negative ? 'before' : 'after';
  const write = (next: { amount?: number; unit?: DurationUnit; negative?: boolean }) =>
    onChange(
      wordsToDuration({
        amount: next.amount ?? amount,
        unit: next.unit ?? unit,
        negative: next.negative ?? negative,
      }),
    );
  const shown = draft ?? String(amount);
  return (
    <div className="duration-input" role="group" aria-label={label}>
      <input
        id={id}
        className="input is-number"
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={shown}
        aria-label={
          label ? t('inspector.duration.amountOf', { label }) : t('inspector.duration.amount')
        }
        onChange={(e) => {
          const text = e.target.value;
          const n = Number(text);
          if (text !== '' && Number.isInteger(n) && n >= 0) {
            setDraft(null);
            write({ amount: n });
          } else {
            setDraft(text);
          }
        }}
        onBlur={() => setDraft(null)}
      />
      <select
        className="select"
        value={unit}
        aria-label={
          label ? t('inspector.duration.unitOf', { label }) : t('inspector.duration.unit')
        }
        onChange={(e) => write({ unit: e.target.value as DurationUnit })}
      >
        {DURATION_UNITS.map((u) => (
          <option key={u} value={u}>
            {t('expect.unitName', { unit: u, amount })}
          </option>
        ))}
      </select>
      {allowNegative && (
        <select
          className="select"
          value={direction}
          aria-label={
            label
              ? t('inspector.duration.directionOf', { label })
              : t('inspector.duration.direction')
          }
          onChange={(e) => write({ negative: (e.target.value as Direction) === 'before' })}
        >
          {(Object.keys(DIRECTIONS) as Direction[]).map((way) => (
            <option key={way} value={way}>
              {t(DIRECTIONS[way])}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
