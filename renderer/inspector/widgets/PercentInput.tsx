import { useIntl, type IntlShape } from 'react-intl';
import { useDraft } from './use-draft';

/** What a typed percentage means: a share (0–1), nothing (empty), or text that is no number. */
export type PercentText = { share: number | undefined } | { invalid: true };

/** Reads "45", "2.5", "2,5" or "45 %" as a share: 0.45, 0.025. */
export function parsePercent(text: string): PercentText {
  const cleaned = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.');
  if (cleaned === '') return { share: undefined };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return { invalid: true };
  // Rounded to the digits a percentage is typed with, so 4.1 is 0.041 and not 0.040999….
  return { share: Math.round(Number(cleaned) * 1e6) / 1e8 };
}

/** A share as the number typed for it, in the language's digits: 0.4032 → "40.32", "40,32". */
export function percentNumber(intl: IntlShape, share: number): string {
  return intl.formatNumber(share * 100, { maximumFractionDigits: 4, useGrouping: false });
}

export interface PercentInputProps {
  id: string;
  /** A share, 0 to 1; undefined shows the field empty (with the placeholder). */
  value: number | undefined;
  /** Called with the share typed, or undefined when the field is emptied. Invalid text is kept. */
  onChange: (share: number | undefined) => void;
  /** The name a screen reader says; the visible label points here by `htmlFor` otherwise. */
  label?: string;
  placeholder?: string;
  /** Ids of the help and error texts. */
  describedBy?: string;
  invalid?: boolean;
  /** Called with whether the text typed so far is a number, for the field to say so. */
  onValidity?: (valid: boolean) => void;
}

/**
 * A percentage typed as a marketer writes it ("45", "2,5"), stored as a share (0.45, 0.025). The
 * decimal separator is the language's; both are read. What is being typed stays as typed.
 */
export function PercentInput({
  id,
  value,
  onChange,
  label,
  placeholder,
  describedBy,
  invalid,
  onValidity,
}: PercentInputProps) {
  const intl = useIntl();
  const format = (share: number | undefined) =>
    share === undefined ? '' : percentNumber(intl, share);
  const [text, setText] = useDraft<number | undefined>(value, format, (typed) => {
    const parsed = parsePercent(typed);
    return 'share' in parsed ? parsed.share : value;
  });
  return (
    <span className="percent-input">
      <input
        id={id}
        className="input is-number"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const parsed = parsePercent(typed);
          onValidity?.('share' in parsed);
          if ('share' in parsed) onChange(parsed.share);
        }}
      />
      <span className="percent-sign" aria-hidden="true">
        %
      </span>
    </span>
  );
}
